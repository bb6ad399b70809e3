package dev.dealeval.application;

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
}
