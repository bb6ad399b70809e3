package dev.dealeval.domain.engine;

import dev.dealeval.domain.model.Settings;

/**
 * The probability rule (docs/model.md "Probabilities", "Agreement"): a side with support index R and
 * threshold θ ratifies with probability P = ε + (1 − 2ε)·σ((R − θ)/τ), so P &gt; 1/2 exactly when it
 * ratifies and no probability leaves [ε, 1 − ε]; the two sides agree with probability P(US)·P(CN).
 */
final class Probabilities {
    private Probabilities() {}

    /** P for a support index (of a side, or r(f) of one faction) against a threshold. */
    static double ratification(Settings settings, double index, double threshold) {
        double eps = settings.probabilityFloor();
        return eps + (1 - 2 * eps) * logistic((index - threshold) / settings.temperature());
    }

    /** A side without factions accepts for certain what it ratifies. */
    static double negotiator(boolean accepts) {
        return accepts ? 1 : 0;
    }

    /** P(US)·P(CN): both sides ratify, independently. */
    static double agreement(double us, double cn) {
        return us * cn;
    }

    static double logistic(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
