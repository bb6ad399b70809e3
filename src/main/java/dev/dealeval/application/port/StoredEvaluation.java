package dev.dealeval.application.port;

import dev.dealeval.application.evaluation.CompactJson;
import java.time.Instant;

/**
 * An evaluation as stored: what was asked, with which model, scenario and profile versions, and the
 * result document exactly as it was returned (so reading it back after the profile changed gives the
 * same answer), deflated.
 *
 * @param modelVersion    version of the deal model; null for evaluations stored before it was kept
 * @param scenarioVersion version of the scenario; null likewise
 */
public record StoredEvaluation(
        String id,
        Instant createdAt,
        String profileId,
        long profileVersion,
        String modelVersion,
        String scenarioId,
        Long scenarioVersion,
        String verdict,
        double usSurplus,
        double cnSurplus,
        String request,
        CompactJson result) {

    /** A stored evaluation from its history entry, its request and its answer. */
    public static StoredEvaluation of(Entry e, String request, CompactJson result) {
        return new StoredEvaluation(
                e.id(),
                e.createdAt(),
                e.profileId(),
                e.profileVersion(),
                e.modelVersion(),
                e.scenarioId(),
                e.scenarioVersion(),
                e.verdict(),
                e.usSurplus(),
                e.cnSurplus(),
                request,
                result);
    }

    /** What the history lists of a stored evaluation: everything but the request and the answer. */
    public record Entry(
            String id,
            Instant createdAt,
            String profileId,
            long profileVersion,
            String modelVersion,
            String scenarioId,
            Long scenarioVersion,
            String verdict,
            double usSurplus,
            double cnSurplus) {}
}
