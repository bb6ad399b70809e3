package dev.dealeval.api.v1;

import dev.dealeval.api.v1.dto.BacktestResponse;
import dev.dealeval.api.v1.dto.EpisodeDecisions;
import dev.dealeval.api.v1.dto.EpisodeDocument;
import dev.dealeval.api.v1.dto.EpisodeSetRequest;
import dev.dealeval.api.v1.dto.EpisodeSetResponse;
import dev.dealeval.api.v1.dto.EpisodeSetSummary;
import dev.dealeval.application.catalog.EpisodeSetService;
import dev.dealeval.domain.backtest.Episode;
import dev.dealeval.domain.backtest.EpisodeSetDefinition;
import dev.dealeval.domain.model.DealModel;
import dev.dealeval.domain.model.Side;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Episode sets between the API's documents and the service's drafts and definitions. */
final class EpisodeSetMapper {
    private EpisodeSetMapper() {}

    static EpisodeSetService.Draft draft(EpisodeSetRequest r) {
        List<EpisodeSetService.EpisodeDraft> episodes = r.episodes() == null
                ? null
                : r.episodes().stream().map(EpisodeSetMapper::draft).toList();
        return new EpisodeSetService.Draft(r.name(), r.description(), r.basedOn(), episodes);
    }

    private static EpisodeSetService.EpisodeDraft draft(EpisodeDocument e) {
        Map<Side, Episode.Decision> decisions = null;
        if (e.decisions() != null) {
            decisions = new EnumMap<>(Side.class);
            if (e.decisions().us() != null) {
                decisions.put(Side.US, e.decisions().us());
            }
            if (e.decisions().cn() != null) {
                decisions.put(Side.CN, e.decisions().cn());
            }
        }
        return new EpisodeSetService.EpisodeDraft(
                e.id(),
                e.date(),
                e.title(),
                e.kind(),
                e.scenario(),
                e.bundle() == null ? null : DtoMapper.flatten(e.bundle()),
                decisions,
                e.record(),
                e.encoding(),
                e.sources());
    }

    static EpisodeSetResponse response(EpisodeSetDefinition s, DealModel model) {
        return new EpisodeSetResponse(
                s.id(),
                s.name(),
                s.description(),
                s.basedOn(),
                s.builtIn(),
                s.version(),
                s.episodes().stream().map(e -> episode(e, model)).toList(),
                excluded(s));
    }

    /** The episodes the set leaves out, with the reason. */
    static List<BacktestResponse.Excluded> excluded(EpisodeSetDefinition s) {
        return s.excluded().stream()
                .map(x -> new BacktestResponse.Excluded(x.id(), x.date(), x.title(), x.reason()))
                .toList();
    }

    static EpisodeSetSummary summary(EpisodeSetDefinition s) {
        return new EpisodeSetSummary(
                s.id(),
                s.name(),
                s.description(),
                s.basedOn(),
                s.builtIn(),
                s.version(),
                s.episodes().size());
    }

    private static EpisodeDocument episode(Episode e, DealModel model) {
        return new EpisodeDocument(
                e.id(),
                e.date(),
                e.title(),
                e.kind(),
                e.scenario(),
                AnalysisMapper.bundle(model, e.bundle()),
                new EpisodeDecisions(e.decisions().get(Side.US), e.decisions().get(Side.CN)),
                e.record(),
                e.encoding(),
                e.sources());
    }
}
