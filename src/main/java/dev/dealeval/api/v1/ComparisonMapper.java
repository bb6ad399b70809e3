package dev.dealeval.api.v1;

import dev.dealeval.api.v1.dto.ComparisonResponse;
import dev.dealeval.application.analysis.comparison.ComparisonService;
import dev.dealeval.domain.analysis.Comparison;
import dev.dealeval.domain.engine.Evaluation;
import dev.dealeval.domain.model.Side;
import java.util.Arrays;

/** Copies a comparison report into the API's answer. */
final class ComparisonMapper {
    private ComparisonMapper() {}

    static ComparisonResponse response(ComparisonService.ComparisonReport c) {
        return new ComparisonResponse(
                c.setting().scenario(),
                c.setting().profile(),
                c.setting().profileVersion(),
                c.objective(),
                c.ranking().stream().map(ComparisonMapper::ranked).toList(),
                c.setting().warnings(),
                AnalysisMapper.domain(c.setting()));
    }

    private static ComparisonResponse.RankedBundle ranked(ComparisonService.Entry entry) {
        Comparison.Ranked r = entry.ranked();
        Evaluation e = entry.evaluation();
        var us = e.side(Side.US);
        var cn = e.side(Side.CN);
        return new ComparisonResponse.RankedBundle(
                r.rank(),
                r.index(),
                entry.name(),
                r.objective(),
                us.surplus(),
                cn.surplus(),
                us.utility(),
                cn.utility(),
                us.ratified(),
                cn.ratified(),
                us.ratificationProbability(),
                cn.ratificationProbability(),
                e.joint().verdict(),
                e.joint().nashProduct(),
                e.joint().welfare(),
                e.joint().agreementProbability(),
                r.efficient(),
                Arrays.stream(r.dominates()).boxed().toList(),
                Arrays.stream(r.dominatedBy()).boxed().toList());
    }
}
