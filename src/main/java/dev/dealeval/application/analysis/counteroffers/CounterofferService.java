package dev.dealeval.application.analysis.counteroffers;

import static dev.dealeval.application.analysis.AnalysisInputs.checkSize;
import static dev.dealeval.application.analysis.AnalysisInputs.throwIfAny;

import dev.dealeval.application.analysis.AnalysedSetting;
import dev.dealeval.application.analysis.AnalysisCapacity;
import dev.dealeval.application.analysis.AnalysisInputs;
import dev.dealeval.application.analysis.AnalysisInputs.Subject;
import dev.dealeval.application.analysis.AnalysisInputs.TermLevels;
import dev.dealeval.application.analysis.BundleCodec;
import dev.dealeval.application.evaluation.EvaluationService;
import dev.dealeval.domain.analysis.Counteroffers;
import dev.dealeval.domain.analysis.Objective;
import dev.dealeval.domain.analysis.Search;
import dev.dealeval.domain.engine.BundleReader;
import dev.dealeval.domain.engine.CompiledModel;
import dev.dealeval.domain.engine.Evaluator;
import dev.dealeval.domain.engine.Verdict;
import dev.dealeval.domain.engine.Violation;
import dev.dealeval.domain.model.Numbers;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Counteroffers (docs/analyses.md): the best repairs of a bundle by one or two term changes, each
 * change spelled out with what it is worth to each side and who pays for it.
 */
@ApplicationScoped
public class CounterofferService {
    private final AnalysisInputs inputs;
    private final AnalysisCapacity capacity;

    public CounterofferService(AnalysisInputs inputs, AnalysisCapacity capacity) {
        this.inputs = inputs;
        this.capacity = capacity;
    }

    public record CounterofferCommand(Subject subject, Map<String, Object> bundle, List<TermLevels> terms, int limit) {}

    /**
     * @param examined bundles scored
     * @param passing  counteroffers found before the limit was applied
     */
    public record CounterofferReport(
            AnalysedSetting setting, Original original, long examined, int passing, List<Offer> offers) {}

    /** The caller's bundle: its surpluses, who ratifies it, its verdict and Nash product. */
    public record Original(
            double usSurplus,
            double cnSurplus,
            boolean usRatifies,
            boolean cnRatifies,
            Verdict verdict,
            double nashProduct) {}

    /** A counteroffer, best first: its terms (the caller's and the changed ones) and its changes. */
    public record Offer(
            int rank,
            Map<String, Object> terms,
            List<Change> changes,
            double usSurplus,
            double cnSurplus,
            double nashProduct,
            double welfare,
            double usUtilityChange,
            double cnUtilityChange) {}

    /**
     * One term moved.
     *
     * @param concededBy who gives it up: US, CN, BOTH or NEITHER
     * @param cost   the larger loss of a side, 0 when neither loses
     */
    public record Change(
            String term,
            Object from,
            Object to,
            double usUtilityChange,
            double cnUtilityChange,
            String concededBy,
            double cost,
            String summary) {}

    public CounterofferReport counteroffers(CounterofferCommand cmd) {
        List<Violation> violations = new ArrayList<>();
        EvaluationService.Context ctx = inputs.context(cmd.subject(), violations);
        BundleReader.Result bundle =
                BundleReader.read(inputs.model(), cmd.bundle() == null ? Map.of() : cmd.bundle(), "bundle");
        violations.addAll(bundle.violations());
        List<Search.Dimension> dims =
                AnalysisInputs.dimensions(inputs.model(), "terms", cmd.terms(), false, violations);
        checkSize("limit", cmd.limit(), 1, capacity.limits().maxCounteroffers(), violations);
        throwIfAny(violations);
        // Every pair of term changes is scored: up to some 400,000 bundles, about a second, so a turn as searches take.
        return capacity.withTurn(() -> capacity.timer("counteroffers").record(() -> {
            double[] x = ctx.model().resolve(bundle.bundle(), ctx.scenario());
            Counteroffers.Result r = Counteroffers.find(ctx.model(), ctx.scenario(), x, dims, cmd.limit());
            return report(ctx, bundle.bundle().given(), r);
        }));
    }

    private static CounterofferReport report(EvaluationService.Context ctx, boolean[] given, Counteroffers.Result r) {
        CompiledModel m = ctx.model();
        BundleCodec codec = new BundleCodec(ctx);
        List<Offer> offers = new ArrayList<>();
        for (int i = 0; i < r.offers().size(); i++) {
            Counteroffers.Offer o = r.offers().get(i);
            boolean[] stated = given.clone();
            List<Change> changes = new ArrayList<>();
            for (Counteroffers.Change ch : o.changes()) {
                stated[ch.term()] = true;
                changes.add(change(m, o, ch));
            }
            offers.add(new Offer(
                    i + 1,
                    codec.terms(o.bundle(), stated),
                    changes,
                    o.usSurplus(),
                    o.cnSurplus(),
                    o.nashProduct(),
                    o.welfare(),
                    o.usUtilityChange(),
                    o.cnUtilityChange()));
        }
        return new CounterofferReport(
                AnalysedSetting.of(ctx),
                new Original(
                        r.usSurplus(),
                        r.cnSurplus(),
                        r.usRatifies(),
                        r.cnRatifies(),
                        Verdict.of(r.usRatifies(), r.cnRatifies()),
                        Objective.NASH.value(r.usSurplus(), r.cnSurplus())),
                r.examined(),
                r.passing(),
                offers);
    }

    private static Change change(CompiledModel m, Counteroffers.Offer o, Counteroffers.Change ch) {
        double[] before = o.bundle().clone();
        before[ch.term()] = ch.from();
        Object from = Evaluator.display(m, before, ch.term());
        Object to = Evaluator.display(m, o.bundle(), ch.term());
        double us = ch.usUtilityChange();
        double cn = ch.cnUtilityChange();
        String by = us < 0 && cn < 0 ? "BOTH" : us < 0 ? "US" : cn < 0 ? "CN" : "NEITHER";
        double cost = Math.max(0, Math.max(-us, -cn));
        String id = m.term(ch.term()).id();
        String summary = id + " " + written(from) + " → " + written(to) + ": " + worth("the U.S.", us) + ", "
                + worth("China", cn);
        return new Change(id, from, to, us, cn, by, cost, summary);
    }

    private static String worth(String side, double change) {
        String points = String.format(Locale.ROOT, "%.1f", Math.abs(change));
        return change < 0 ? "costs " + side + " " + points + " points" : "worth " + points + " points to " + side;
    }

    private static String written(Object value) {
        return value instanceof Double d ? Numbers.plain(d) : String.valueOf(value);
    }
}
