package dev.dealeval.domain.engine;

import dev.dealeval.domain.model.Settings;
import dev.dealeval.domain.model.Side;
import dev.dealeval.domain.model.VetoKind;

/**
 * The probability rule (docs/model.md "Probabilities", "Agreement"): a side ratifies with probability
 * P(p) = C(x:x0) / (C(x:x0) + C(x0:x)) × Π σ(S(f)/τ(f)) over the applicable veto holders (the KTAB
 * coalition form, C summing clout × surplus of the factions for and against), and the two sides agree
 * with probability P(US)·P(CN).
 */
final class Probabilities {
    private Probabilities() {}

    /**
     * P(p) from the side's surplus and the faction surpluses and stakes (indexed by faction); the
     * coalition share is 1/2 when no faction cares either way. A side without factions accepts for
     * certain what it ratifies.
     */
    static double ratification(
            CompiledModel m,
            Side side,
            double[] x,
            int s,
            double sideSurplus,
            double[] factionSurplus,
            double[] factionStake) {
        boolean us = side == Side.US;
        if (!m.hasFactions[us ? 0 : 1]) {
            return Ratification.negotiatorAccepts(sideSurplus) ? 1 : 0;
        }
        double forDeal = 0;
        double against = 0;
        double vetoes = 1;
        for (int f = 0; f < m.nFac; f++) {
            if (m.factionUs[f] != us) {
                continue;
            }
            double surplus = factionSurplus[f];
            if (surplus > 0) {
                forDeal += m.clout[f] * surplus;
            } else {
                against -= m.clout[f] * surplus;
            }
            if (m.factions[f].veto() != VetoKind.NONE && Ratification.vetoApplies(m, f, x, s)) {
                vetoes *= support(m.settings, surplus, factionStake[f]);
            }
        }
        double coalition = forDeal + against == 0 ? 0.5 : forDeal / (forDeal + against);
        return coalition * vetoes;
    }

    /** P(US)·P(CN): both sides ratify, independently. */
    static double agreement(double us, double cn) {
        return us * cn;
    }

    /**
     * σ(S/τ(f)), the probability a faction supports: τ(f) = τ·margin/δ shrinks with the faction's
     * margin, so a small deal that moves a faction one way is as clear to it as a large one.
     */
    static double support(Settings settings, double surplus, double stake) {
        if (surplus == 0) {
            return 0.5;
        }
        double delta = settings.stanceMargin();
        double scale = delta > 0 ? Ratification.margin(settings, stake) / delta : 1;
        return scale > 0 ? logistic(surplus / (settings.vetoTemperature() * scale)) : (surplus > 0 ? 1 : 0);
    }

    static double logistic(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
