package dev.dealeval.domain.model;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks one profile against its deal model: id, weights, factions (multipliers, clouts, vetoes),
 * settings and credibility parameters.
 */
final class ProfileValidator {
    /** A side's clouts must sum to 1 within this (they are written by hand, to a few decimals). */
    private static final double CLOUT_TOLERANCE = 1e-6;

    private ProfileValidator() {}

    static void validate(DealModel model, Profile p, String at) {
        if (p.id() == null || !p.id().matches("[a-z][a-z0-9-]{0,63}")) {
            throw new ModelException(at + ".id", "must be lower-case kebab-case, at most 64 characters");
        }
        for (Side side : Side.values()) {
            Map<String, Double> w = p.weights().get(side);
            if (w == null) {
                throw new ModelException(at + ".weights." + side, "weights for " + side + " are required");
            }
            Set<String> known = new HashSet<>();
            model.criteria(side).forEach(c -> known.add(c.id()));
            if (!w.keySet().equals(known)) {
                Set<String> missing = new HashSet<>(known);
                missing.removeAll(w.keySet());
                Set<String> extra = new HashSet<>(w.keySet());
                extra.removeAll(known);
                throw new ModelException(
                        at + ".weights." + side,
                        (extra.isEmpty() ? "" : "unknown criteria " + extra + " ")
                                + (missing.isEmpty() ? "" : "missing criteria " + missing));
            }
            w.forEach((k, v) -> {
                if (v == null || !(v >= 0) || Double.isInfinite(v)) {
                    throw new ModelException(at + ".weights." + side + "." + k, "must be a non-negative number");
                }
            });
            if (w.values().stream().noneMatch(v -> v > 0)) {
                throw new ModelException(at + ".weights." + side, "at least one weight must be positive");
            }
            List<FactionDef> fs = p.factions(side);
            if (fs.isEmpty()) {
                throw new ModelException(at + ".factions", side + " needs at least one faction");
            }
            double clout = 0;
            for (FactionDef f : fs) {
                String fat = at + ".factions." + f.id();
                if (f.id() == null || !f.id().matches("[a-z][A-Za-z0-9]*")) {
                    throw new ModelException(fat, "faction id must be a camelCase word");
                }
                if (!(f.clout() >= 0 && f.clout() <= 1)) {
                    throw new ModelException(fat + ".clout", "must be between 0 and 1");
                }
                clout += f.clout();
                if (f.veto() == null) {
                    throw new ModelException(fat + ".veto", "must be NONE, FULL or SCOPED");
                }
                if (f.veto() == VetoKind.SCOPED && f.vetoScope().isEmpty()) {
                    throw new ModelException(fat + ".vetoScope", "a SCOPED veto needs at least one term");
                }
                for (String s : f.vetoScope()) {
                    if (!model.knowsTermPattern(s)) {
                        throw new ModelException(fat + ".vetoScope", "unknown term " + s);
                    }
                }
                f.multipliers().forEach((k, v) -> {
                    if (!known.contains(k)) {
                        throw new ModelException(fat + ".multipliers." + k, "unknown " + side + " criterion");
                    }
                    if (v == null || !(v >= 0 && v <= ModelValidator.MAX_MULTIPLIER)) {
                        throw new ModelException(
                                fat + ".multipliers." + k, "must be between 0 and " + ModelValidator.MAX_MULTIPLIER);
                    }
                });
                boolean anyWeight = w.entrySet().stream().anyMatch(e -> e.getValue() * f.multiplier(e.getKey()) > 0);
                if (!anyWeight) {
                    throw new ModelException(
                            fat + ".multipliers", "leave the faction at least one criterion with a positive weight");
                }
            }
            if (Math.abs(clout - 1.0) > CLOUT_TOLERANCE) {
                throw new ModelException(
                        at + ".factions",
                        "the clout of " + side + " factions must sum to 1 (is " + Numbers.plain(Numbers.round4(clout))
                                + ")");
            }
        }
        Set<String> factionIds = new HashSet<>();
        for (FactionDef f : p.factions()) {
            if (!factionIds.add(f.id())) {
                throw new ModelException(at + ".factions." + f.id(), "duplicate faction id");
            }
        }
        validateCredibility(model, p.credibility(), at + ".credibility");
        Settings s = p.settings();
        if (s == null
                || !(s.stanceMargin() >= 0)
                || !(s.temperature() > 0)
                || !(s.thresholdUs() >= 0 && s.thresholdUs() < 1)
                || !(s.thresholdCn() >= 0 && s.thresholdCn() < 1)
                || !(s.relativeStanceMargin() >= 0 && s.relativeStanceMargin() <= 1)
                || !(s.stakeFloor() >= 0 && s.stakeFloor() <= 1000)
                || !(s.probabilityFloor() >= 0 && s.probabilityFloor() < 0.5)) {
            throw new ModelException(
                    at + ".settings",
                    "needs stanceMargin ≥ 0, temperature > 0, thresholds in [0, 1), relativeStanceMargin in [0, 1],"
                            + " stakeFloor in [0, 1000] and probabilityFloor in [0, 0.5)");
        }
    }

    private static void validateCredibility(DealModel model, CredibilityParams c, String at) {
        if (c == null) {
            throw new ModelException(at, "is required");
        }
        for (TermDef t : model.terms()) {
            if (t.pledge() != null && !c.trackRecords().containsKey(t.pledge())) {
                throw new ModelException(
                        at + ".trackRecords", "no track record for pledge category '" + t.pledge() + "' of " + t.id());
            }
        }
        c.trackRecords().forEach((k, v) -> {
            if (v == null || !(v >= 0 && v <= 1)) {
                throw new ModelException(at + ".trackRecords." + k, "must be between 0 and 1");
            }
        });
        for (String cat : c.purchaseCategories()) {
            if (!c.trackRecords().containsKey(cat)) {
                throw new ModelException(at + ".purchaseCategories", "no track record for " + cat);
            }
        }
        checkFactors(model, "commitment.form", c.formFactors(), at + ".formFactors");
        checkFactors(model, "commitment.enforcement", c.enforcementFactors(), at + ".enforcementFactors");
        if (!(c.baselineUsdBn() > 0)
                || !(c.referenceGrowth() > 0)
                || !(c.referenceDelivery() > 0 && c.referenceDelivery() <= 1)
                || !(c.excessBelief() >= 0 && c.excessBelief() <= 1)) {
            throw new ModelException(
                    at,
                    "needs baselineUsdBn > 0, referenceGrowth > 0, referenceDelivery in (0, 1] and excessBelief in [0, 1]");
        }
    }

    private static void checkFactors(DealModel model, String termId, Map<String, Double> factors, String at) {
        TermDef t =
                model.term(termId).orElseThrow(() -> new ModelException("terms", "the model needs the term " + termId));
        if (!factors.keySet().equals(new HashSet<>(t.values()))) {
            throw new ModelException(at, "must give a factor for every value of " + termId + " " + t.values());
        }
        factors.forEach((k, v) -> {
            if (v == null || !(v >= 0 && v <= 2)) {
                throw new ModelException(at + "." + k, "must be between 0 and 2");
            }
        });
    }
}
