package dev.dealeval.application;

import java.time.Instant;

/**
 * An evaluation as stored: what was asked, with which profile version, and the result document
 * exactly as it was returned (so reading it back after the profile changed gives the same answer).
 */
public record StoredEvaluation(
        String id,
        Instant createdAt,
        String profileId,
        long profileVersion,
        String scenarioId,
        String verdict,
        double usSurplus,
        double cnSurplus,
        String request,
        String result) {
}
