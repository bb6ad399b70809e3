package dev.dealeval.domain.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealeval.adapter.modelfile.ModelFixtures;
import dev.dealeval.domain.engine.CompiledModel;
import dev.dealeval.domain.model.DealModel;
import dev.dealeval.domain.model.Profile;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The fitting procedure of docs/fitting.md on the built-in episodes: the default
 * profile's decision settings and floated-proposal belief in the model file must be what the
 * procedure gives (no parameter the episodes inform is set by hand), and the in-sample,
 * leave-one-out and temporal figures it prints are the ones docs/backtest.md reports.
 */
class FitReportTest {
    private static final String SPLIT = "2025-01-01";

    private final DealModel model = ModelFixtures.defaultModel();
    private final List<Episode> episodes = ModelFixtures.episodes().episodes();
    private final Profile defaults = model.profile("default").orElseThrow();

    @Test
    void theModelFileHoldsTheFittedSettings() {
        Fitting.Fit fit = Fitting.fit(model, defaults, episodes);
        System.out.println("fitted settings: " + fit.profile().settings() + ", floated proposal believed at "
                + fit.profile().credibility().formFactors().get(Episode.FLOATED) + ", mean log-loss "
                + String.format(Locale.ROOT, "%.4f", fit.logLoss()) + " over " + fit.sideDecisions() + " decisions");
        assertEquals(fit.profile().settings(), defaults.settings(), "refit and copy the settings into deal-model.yaml");
        assertEquals(
                fit.profile().credibility().formFactors().get(Episode.FLOATED),
                defaults.credibility().formFactors().get(Episode.FLOATED));
    }

    @Test
    void inSampleLeaveOneOutAndTemporalFigures() {
        Backtest.Summary in =
                Backtest.run(CompiledModel.compile(model, defaults), episodes).summary();
        Fitting.OutOfFold loo = Fitting.leaveOneOut(model, defaults, episodes);
        Fitting.OutOfFold temporal = Fitting.temporal(model, defaults, episodes, SPLIT);
        print("in sample", in);
        print("leave-one-out", loo.summary());
        print("temporal (fit < " + SPLIT + ")", temporal.summary());
        loo.results().stream()
                .filter(r -> !r.agrees())
                .forEach(r -> System.out.printf(
                        Locale.ROOT,
                        "  leave-one-out miss %-40s happened %s, model US %s (P %.2f) CN %s (P %.2f)%n",
                        r.episode().id(),
                        r.episode().decisions(),
                        r.evaluation().side(dev.dealeval.domain.model.Side.US).ratified(),
                        r.evaluation().side(dev.dealeval.domain.model.Side.US).ratificationProbability(),
                        r.evaluation().side(dev.dealeval.domain.model.Side.CN).ratified(),
                        r.evaluation().side(dev.dealeval.domain.model.Side.CN).ratificationProbability()));
        // The figures docs/backtest.md ("Current figures") reports: a change to the model or the procedure
        // that predicts worse out of sample fails here (and one that predicts better must update the docs).
        assertEquals(94, loo.summary().sideAgreeing(), "leave-one-out side decisions");
        assertEquals(108, loo.summary().sideDecisions());
        assertTrue(
                loo.summary().brierScore() <= 0.132,
                "leave-one-out Brier " + loo.summary().brierScore());
        assertEquals(41, temporal.summary().sideAgreeing(), "temporal side decisions");
        assertEquals(46, temporal.summary().sideDecisions());
        assertTrue(
                temporal.summary().brierScore() <= 0.094,
                "temporal Brier " + temporal.summary().brierScore());
    }

    /**
     * The form and enforcement factors the procedure leaves at their reasoned values (docs/fitting.md). Signed text and monitoring are the scale's anchors (1), and no episode sets
     * enforcement to NONE or SNAPBACK, so the episodes say nothing of those; refitted with a leader's
     * statement believed anywhere from 0.5 to 1 of a signed text, they decide the same side decisions
     * and the mean log-loss moves by less than 0.01 — they do not identify it either, so fitting it
     * would only return whatever prior it was given.
     */
    @Test
    void theEpisodesDoNotIdentifyTheOtherFormAndEnforcementFactors() {
        for (Episode e : episodes) {
            Object enforcement = e.bundle().get("commitment.enforcement");
            assertTrue(
                    enforcement == null || enforcement.equals("MONITORING"),
                    e.id() + " sets enforcement " + enforcement + ": fit its factor");
        }
        Fitting.Fit reasoned = Fitting.fit(model, defaults, episodes);
        int agreeing = Backtest.run(CompiledModel.compile(model, reasoned.profile()), episodes)
                .summary()
                .sideAgreeing();
        for (double value : new double[] {0.5, 0.7, 1.0}) {
            Fitting.Fit fit = Fitting.fit(model, Fitting.withFormFactor(defaults, "LEADER_STATEMENT", value), episodes);
            int right = Backtest.run(CompiledModel.compile(model, fit.profile()), episodes)
                    .summary()
                    .sideAgreeing();
            System.out.printf(
                    Locale.ROOT,
                    "leader's statement believed at %.2f: mean log-loss %.4f (at 0.85: %.4f), side decisions right %d (%d)%n",
                    value,
                    fit.logLoss(),
                    reasoned.logLoss(),
                    right,
                    agreeing);
            assertTrue(Math.abs(fit.logLoss() - reasoned.logLoss()) < 0.01, "statement factor " + value);
            assertEquals(agreeing, right, "statement factor " + value);
        }
    }

    /**
     * The fits POST /api/v1/fits serves beside the model file's, of the criterion weights and of the
     * factions' clouts (docs/fitting.md, which reports these figures and why the model file
     * takes neither): in sample, out of fold and, for the fitted profile, the robustness suite.
     */
    @Test
    void theFitsOfTheWeightsAndTheCloutsOutOfFold() {
        int[][] expected = {
            // in sample, leave-one-out, temporal side decisions right, flips under the readings allowed, and the
            // recorded decisions right over those readings (of 632)
            {97, 96, 37, 35, 543}, {94, 94, 41, 31, 518}
        };
        List<Fitting.Scope> scopes = List.of(Fitting.Scope.SETTINGS_AND_WEIGHTS, Fitting.Scope.SETTINGS_AND_CLOUTS);
        for (int i = 0; i < scopes.size(); i++) {
            Fitting.Procedure procedure = Fitting.procedure(model, defaults, episodes, scopes.get(i));
            Fitting.Fit fit = procedure.fit();
            CompiledModel fitted = CompiledModel.compile(model, fit.profile());
            Backtest.Report inSample = Backtest.run(fitted, episodes);
            Backtest.Summary in = inSample.summary();
            Backtest.Summary loo = procedure.leaveOneOut().summary();
            Fitting.OutOfFold later = procedure.temporal(SPLIT);
            Backtest.Summary temporal = later.summary();
            Perturbations.Report flips = Perturbations.flipRate(fitted, episodes);
            String label = scopes.get(i).also().replace(", ", "");
            System.out.println(label + ": " + fit.profile().settings() + ", weights "
                    + fit.profile().weights()
                    + ", clouts "
                    + fit.profile().factions().stream()
                            .map(f -> f.id() + "=" + f.clout())
                            .toList());
            print("  in sample", in);
            print("  leave-one-out", loo);
            print("  temporal (fit < " + SPLIT + ")", temporal);
            System.out.printf(
                    Locale.ROOT,
                    "  robustness: %d of %d perturbations flip a verdict (%.1f%%); over them %d of %d recorded"
                            + " decisions right (%.1f%%), per-side Brier %.3f, Brier %.3f%n",
                    flips.flips().size(),
                    flips.perturbations(),
                    100.0 * flips.flips().size() / flips.perturbations(),
                    flips.readingRight(),
                    flips.readingDecisions(),
                    100 * flips.readingSideHitRate(),
                    flips.readingSideBrierScore(),
                    flips.readingBrierScore());
            inSample.results().stream()
                    .filter(r -> !r.agrees())
                    .forEach(r ->
                            System.out.println("  in-sample miss " + r.episode().id() + " " + r.sideAgrees()));
            later.results().stream()
                    .filter(r -> !r.agrees())
                    .forEach(r ->
                            System.out.println("  temporal miss " + r.episode().id() + " " + r.sideAgrees()));
            if (scopes.get(i).weights()) {
                // The direction docs/fitting.md says the fit keeps (Directions): level 2 -> 3 gives China 0.05
                // of technology access and costs 0.06 of sovereignty (self-reliance), a gain while
                // w(techAccess) > 1.2 w(sovereignty); without the barrier the fit crossed it.
                var cn = fit.profile().weights().get(dev.dealeval.domain.model.Side.CN);
                assertTrue(
                        0.05 * cn.get("techAccess") - 0.06 * cn.get("sovereigntySecurity") > 0,
                        "the fitted weights make China lose from export-control level 3: " + cn);
            }
            assertEquals(expected[i][0], in.sideAgreeing(), label + " in sample");
            assertEquals(expected[i][1], loo.sideAgreeing(), label + " leave-one-out");
            assertEquals(expected[i][2], temporal.sideAgreeing(), label + " temporal");
            assertEquals(expected[i][3], flips.flips().size(), label + " flips");
            assertEquals(expected[i][4], flips.readingRight(), label + " decisions right over the readings");
        }
    }

    private static void print(String label, Backtest.Summary s) {
        System.out.printf(
                Locale.ROOT,
                "%-28s episodes %d/%d, side decisions %d/%d (%.1f%%), Brier %.3f (base rate %.3f), side Brier %.3f%n",
                label,
                s.agreeing(),
                s.episodes(),
                s.sideAgreeing(),
                s.sideDecisions(),
                100 * s.sideHitRate(),
                s.brierScore(),
                s.referenceBrierScore(),
                s.sideBrierScore());
    }
}
