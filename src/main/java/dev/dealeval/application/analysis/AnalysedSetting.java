package dev.dealeval.application.analysis;

import dev.dealeval.application.evaluation.EvaluationService;
import dev.dealeval.domain.genius.DomainDefinition;
import java.util.List;

/**
 * Where an analysis ran, as its answer states it: the scenario and profile (with its version), the
 * warnings about the request's profile overrides, and the imported domain (null: the U.S.–China model).
 */
public record AnalysedSetting(
        String scenario, String profile, long profileVersion, List<String> warnings, Domain domain) {

    /** An imported domain an analysis ran on: its id, version, name and its two parties' names. */
    public record Domain(String id, long version, String name, List<String> parties) {}

    public static AnalysedSetting of(EvaluationService.Context context) {
        var m = context.model();
        DomainDefinition d = context.domain();
        return new AnalysedSetting(
                m.model().scenarios().get(context.scenario()).id(),
                m.profile().id(),
                m.profile().version(),
                context.warnings(),
                d == null
                        ? null
                        : new Domain(
                                d.id(),
                                d.version(),
                                d.name(),
                                d.parties().stream().map(p -> p.name()).toList()));
    }
}
