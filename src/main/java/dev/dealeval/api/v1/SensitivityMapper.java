package dev.dealeval.api.v1;

import dev.dealeval.api.v1.dto.SensitivityResponse;
import dev.dealeval.application.analysis.sensitivity.SensitivityService;
import java.util.Arrays;

/** Copies a sensitivity report into the API's answer. */
final class SensitivityMapper {
    private SensitivityMapper() {}

    static SensitivityResponse response(SensitivityService.SensitivityReport a) {
        return new SensitivityResponse(
                a.setting().scenario(),
                a.setting().profile(),
                a.setting().profileVersion(),
                a.samples(),
                a.seed(),
                a.objective(),
                a.bundles().stream().map(SensitivityMapper::sampled).toList(),
                a.tornado().stream()
                        .map(t -> new SensitivityResponse.TornadoEntry(
                                t.side(),
                                t.criterion(),
                                t.swing(),
                                Arrays.stream(t.low()).boxed().toList(),
                                Arrays.stream(t.high()).boxed().toList(),
                                t.leaderLow(),
                                t.leaderHigh(),
                                Arrays.stream(t.verdictChanges()).boxed().toList()))
                        .toList(),
                a.setting().warnings(),
                AnalysisMapper.domain(a.setting()));
    }

    private static SensitivityResponse.SampledBundle sampled(SensitivityService.Sampled s) {
        var b = s.result();
        return new SensitivityResponse.SampledBundle(
                b.index(),
                s.name(),
                Arrays.stream(b.rankAcceptability()).boxed().toList(),
                b.usRatifies(),
                b.cnRatifies(),
                b.agreement(),
                s.centralWeights(),
                b.meanUsSurplus(),
                b.meanCnSurplus(),
                b.meanObjective(),
                b.baseObjective(),
                b.baseRank());
    }
}
