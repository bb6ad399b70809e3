package dev.dealeval.api.v1;

import dev.dealeval.api.v1.dto.SimulationResponse;
import dev.dealeval.api.v1.dto.TournamentResponse;
import dev.dealeval.application.analysis.simulation.SimulationReport;
import dev.dealeval.application.analysis.simulation.TournamentService;
import dev.dealeval.domain.analysis.Simulation;
import dev.dealeval.domain.model.Side;
import dev.dealeval.presentation.chart.FrontierChart;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Copies simulation and tournament reports into the API's answers, or a simulation into a chart. */
final class SimulationMapper {
    private SimulationMapper() {}

    static SimulationResponse response(SimulationReport s) {
        var space = s.space();
        Map<Side, SimulationResponse.StrategyPlayed> strategies = new EnumMap<>(Side.class);
        strategies.put(Side.US, played(s.spec().us()));
        strategies.put(Side.CN, played(s.spec().cn()));
        var o = s.outcome();
        return new SimulationResponse(
                space.setting().scenario(),
                space.setting().profile(),
                space.setting().profileVersion(),
                s.spec().deadline(),
                s.spec().starts(),
                s.spec().seed(),
                strategies,
                SearchMapper.space(space.space()),
                SearchMapper.noDeal(space.noDeal()),
                s.offers().stream()
                        .map(x -> new SimulationResponse.Offer(
                                x.id(),
                                x.index(),
                                x.usSurplus(),
                                x.cnSurplus(),
                                x.usUtility(),
                                x.cnUtility(),
                                x.usRatifies(),
                                x.cnRatifies(),
                                AnalysisMapper.bundle(x.terms()),
                                x.outcome()))
                        .toList(),
                s.rounds().stream()
                        .map(x -> new SimulationResponse.RoundPlayed(
                                x.round(),
                                x.proposer(),
                                x.offer(),
                                x.proposerTarget(),
                                x.usSurplus(),
                                x.cnSurplus(),
                                x.usUtility(),
                                x.cnUtility(),
                                x.accepted()))
                        .toList(),
                new SimulationResponse.Outcome(
                        o.agreed(),
                        o.round(),
                        o.acceptedBy(),
                        o.offer(),
                        o.ratifiedByBoth(),
                        o.verdict(),
                        o.usSurplus(),
                        o.cnSurplus(),
                        o.usRatificationProbability(),
                        o.cnRatificationProbability(),
                        o.nashProduct(),
                        o.distanceToFrontier(),
                        o.distanceToNash(),
                        o.summary()),
                SearchMapper.found(space.nash()),
                s.elapsedMillis(),
                s.warnings(),
                AnalysisMapper.domain(space.setting()));
    }

    private static SimulationResponse.StrategyPlayed played(Simulation.Strategy s) {
        return new SimulationResponse.StrategyPlayed(s.kind(), s.exponent(), s.window());
    }

    /** Each side's offers, in order, over the search chart of the space, with the agreement marked. */
    static FrontierChart.Chart chart(SimulationReport s) {
        FrontierChart.Chart base = SearchMapper.chart(s.space());
        List<FrontierChart.Point> us = new ArrayList<>();
        List<FrontierChart.Point> cn = new ArrayList<>();
        for (SimulationReport.Round round : s.rounds()) {
            (round.proposer() == Side.US ? us : cn).add(new FrontierChart.Point(round.usSurplus(), round.cnSurplus()));
        }
        List<FrontierChart.Mark> marks = new ArrayList<>(base.references());
        var o = s.outcome();
        if (o.agreed()) {
            SimulationReport.Offer agreed = s.offers().get(o.offer());
            marks.add(new FrontierChart.Mark(
                    "agreement (round " + o.round() + ")", agreed.usSurplus(), agreed.cnSurplus()));
        }
        String title = "Negotiation: " + s.spec().us().kind() + " ("
                + base.axes().x() + ") vs " + s.spec().cn().kind() + " ("
                + base.axes().y() + ") — " + (o.agreed() ? "agreement in round " + o.round() : "no agreement")
                + " of "
                + s.spec().deadline();
        return new FrontierChart.Chart(
                title,
                base.frontier(),
                base.solutions(),
                marks,
                base.axes(),
                List.of(
                        new FrontierChart.Trajectory(base.axes().x() + " offers", us),
                        new FrontierChart.Trajectory(base.axes().y() + " offers", cn)));
    }

    static TournamentResponse tournament(TournamentService.TournamentReport t) {
        return new TournamentResponse(
                t.entrants().stream()
                        .map(e -> new TournamentResponse.Entrant(
                                e.name(),
                                e.strategy().kind(),
                                e.strategy().exponent(),
                                e.strategy().window()))
                        .toList(),
                t.settings().stream()
                        .map(s -> new TournamentResponse.Setting(s.scenario(), s.profile(), s.domain()))
                        .toList(),
                t.deadline(),
                t.seed(),
                t.simulations(),
                t.pairs().stream()
                        .map(p -> new TournamentResponse.Pair(
                                p.us(),
                                p.cn(),
                                p.played(),
                                p.agreements(),
                                p.ratified(),
                                p.agreementRate(),
                                p.meanUsSurplus(),
                                p.meanCnSurplus(),
                                p.meanRounds()))
                        .toList(),
                t.ranking().stream()
                        .map(r -> new TournamentResponse.Standing(
                                r.rank(), r.strategy(), r.meanSurplus(), r.agreementRate()))
                        .toList(),
                t.elapsedMillis());
    }
}
