package dev.dealeval.domain.engine;

import dev.dealeval.domain.model.DealModel;
import dev.dealeval.domain.model.FactionDef;
import dev.dealeval.domain.model.ModelValidator;
import dev.dealeval.domain.model.Numbers;
import dev.dealeval.domain.model.Profile;
import dev.dealeval.domain.model.Side;
import dev.dealeval.domain.model.VetoKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-request changes to a profile: some criterion weights, some faction parameters. Applied on
 * top of the profile, then the side weights are renormalised (only ratios matter) and, if the
 * changed clouts no longer sum to 1 on a side, that side's clouts are rescaled with a warning.
 */
public record ProfileOverrides(Map<Side, Map<String, Double>> weights, Map<String, FactionOverride> factions) {

    public ProfileOverrides {
        weights = weights == null ? Map.of() : weights;
        factions = factions == null ? Map.of() : factions;
    }

    public boolean isEmpty() {
        return weights.values().stream().allMatch(Map::isEmpty) && factions.isEmpty();
    }

    /** Any field left null keeps the profile's value. */
    public record FactionOverride(
            Double clout, Map<String, Double> multipliers, VetoKind veto, List<String> vetoScope) {}

    public record Applied(Profile profile, List<Violation> violations, List<String> warnings) {}

    /** @param prefix JSON path of the overrides object, e.g. {@code overrides} */
    public Applied apply(DealModel model, Profile base, String prefix) {
        return apply(model, base, prefix, true);
    }

    /**
     * @param rescaleClout for per-request overrides, rescale a side's clouts to sum to 1 (with a
     *                     warning); for stored profiles leave them, so validation can refuse them
     */
    Applied apply(DealModel model, Profile base, String prefix, boolean rescaleClout) {
        List<Violation> violations = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<Side, Map<String, Double>> w = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            Map<String, Double> sideWeights = new HashMap<>(base.weights().get(side));
            weights.getOrDefault(side, Map.of()).forEach((id, v) -> {
                String field = prefix + ".weights." + side + "." + id;
                if (!sideWeights.containsKey(id)) {
                    violations.add(new Violation(
                            field, "unknown " + side + " criterion; known: " + sorted(sideWeights.keySet())));
                } else if (v == null || !Double.isFinite(v) || v < 0) {
                    violations.add(new Violation(field, "must be a finite number ≥ 0"));
                } else {
                    sideWeights.put(id, v);
                }
            });
            if (sideWeights.values().stream().noneMatch(v -> v > 0)) {
                violations.add(new Violation(prefix + ".weights." + side, "at least one weight must be positive"));
            }
            w.put(side, sideWeights);
        }
        Map<String, FactionDef> byId = new HashMap<>();
        base.factions().forEach(f -> byId.put(f.id(), f));
        List<FactionDef> fs = new ArrayList<>();
        factions.forEach((id, o) -> {
            if (!byId.containsKey(id)) {
                violations.add(
                        new Violation(prefix + ".factions." + id, "unknown faction; known: " + sorted(byId.keySet())));
            }
        });
        boolean[] cloutChanged = new boolean[2];
        for (FactionDef f : base.factions()) {
            FactionOverride o = factions.get(f.id());
            if (o == null) {
                fs.add(f);
                continue;
            }
            String at = prefix + ".factions." + f.id();
            double clout = f.clout();
            if (o.clout() != null) {
                if (!Double.isFinite(o.clout()) || o.clout() < 0 || o.clout() > 1) {
                    violations.add(new Violation(at + ".clout", "must be between 0 and 1"));
                } else {
                    clout = o.clout();
                    cloutChanged[f.side().ordinal()] = true;
                }
            }
            Map<String, Double> mult = new HashMap<>(f.multipliers());
            if (o.multipliers() != null) {
                Map<String, Double> sideWeights = base.weights().get(f.side());
                o.multipliers().forEach((c, v) -> {
                    if (!sideWeights.containsKey(c)) {
                        violations.add(new Violation(at + ".multipliers." + c, "unknown " + f.side() + " criterion"));
                    } else if (v == null || !Double.isFinite(v) || v < 0 || v > ModelValidator.MAX_MULTIPLIER) {
                        violations.add(new Violation(
                                at + ".multipliers." + c,
                                "must be between 0 and " + Numbers.plain(ModelValidator.MAX_MULTIPLIER)));
                    } else {
                        mult.put(c, v);
                    }
                });
            }
            VetoKind veto = o.veto() != null ? o.veto() : f.veto();
            // An empty scope is no change, as one left out: a SCOPED veto needs terms, and clients
            // generated from the API document send unset lists empty.
            List<String> scope = o.vetoScope() != null && !o.vetoScope().isEmpty() ? o.vetoScope() : f.vetoScope();
            for (int i = 0; i < scope.size(); i++) {
                if (!model.knowsTermPattern(scope.get(i))) {
                    violations.add(new Violation(at + ".vetoScope[" + i + "]", "unknown term " + scope.get(i)));
                }
            }
            if (veto == VetoKind.SCOPED && scope.isEmpty()) {
                violations.add(new Violation(at + ".vetoScope", "a SCOPED veto needs at least one term"));
            }
            fs.add(new FactionDef(f.id(), f.side(), f.name(), f.description(), clout, veto, scope, mult));
        }
        if (!violations.isEmpty()) {
            return new Applied(base, List.copyOf(violations), List.of());
        }
        List<FactionDef> rescaled = new ArrayList<>();
        for (Side side : Side.values()) {
            double sum = fs.stream()
                    .filter(f -> f.side() == side)
                    .mapToDouble(FactionDef::clout)
                    .sum();
            if (sum <= 0) {
                violations.add(
                        new Violation(prefix + ".factions", "the clout of " + side + " factions must not all be 0"));
                continue;
            }
            boolean rescale = rescaleClout && cloutChanged[side.ordinal()] && Math.abs(sum - 1) > Numbers.TOLERANCE;
            if (rescale) {
                warnings.add("The " + side + " clouts summed to " + Numbers.plain(Numbers.round4(sum))
                        + " after the overrides; each was divided by that sum.");
            }
            for (FactionDef f : fs) {
                if (f.side() == side) {
                    rescaled.add(rescale ? f.withClout(f.clout() / sum) : f);
                }
            }
        }
        if (!violations.isEmpty()) {
            return new Applied(base, List.copyOf(violations), List.of());
        }
        Profile p = new Profile(
                base.id(),
                base.name(),
                base.description(),
                base.sources(),
                base.builtIn(),
                base.version(),
                w,
                rescaled,
                base.credibility(),
                base.settings());
        return new Applied(p, List.of(), List.copyOf(warnings));
    }

    private static String sorted(java.util.Collection<String> ids) {
        return String.join(", ", new java.util.TreeSet<>(ids));
    }
}
