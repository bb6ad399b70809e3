package dev.dealeval.application.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealeval.application.error.StorageException;
import dev.dealeval.application.port.StoredEvaluation;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * The group commit: every evaluation handed to the writer is stored exactly as given once its future
 * completes, and a row the database refuses fails only its own future, not the others of its batch.
 */
@QuarkusTest
class GroupCommitTest {
    @Inject
    EvaluationWriter writer;

    @Inject
    EvaluationHistory history;

    private static StoredEvaluation evaluation(String verdict, double usSurplus) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return new StoredEvaluation(
                TimeOrderedIds.next(now).toString(),
                now,
                "default",
                1,
                "2026.12-1",
                "GENEVA_2025",
                2L,
                verdict,
                usSurplus,
                -usSurplus,
                "{\"bundle\":{}}",
                CompactJson.deflate("{\"n\":" + usSurplus + "}"));
    }

    @Test
    void everyAcknowledgedEvaluationIsStoredAsGiven() {
        List<StoredEvaluation> written = new ArrayList<>();
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            StoredEvaluation e = evaluation("AGREEMENT_LIKELY", i / 8.0);
            written.add(e);
            done.add(writer.write(e));
        }
        done.forEach(CompletableFuture::join);
        for (StoredEvaluation e : written) {
            StoredEvaluation read = history.find(e.id()).orElseThrow();
            assertEquals(e.createdAt(), read.createdAt());
            assertEquals(e.usSurplus(), read.usSurplus());
            assertEquals(e.scenarioVersion(), read.scenarioVersion());
            assertEquals(e.result().json(), read.result().json());
        }
    }

    @Test
    void aRowTheDatabaseRefusesFailsAloneAndTheRestOfItsBatchIsStored() {
        List<StoredEvaluation> good = new ArrayList<>();
        List<CompletableFuture<Void>> goodDone = new ArrayList<>();
        CompletableFuture<Void> badDone = null;
        for (int i = 0; i < 60; i++) {
            if (i == 30) {
                // The verdict column holds 20 characters: this row is refused by the database.
                badDone = writer.write(evaluation("X".repeat(40), -1));
            }
            StoredEvaluation e = evaluation("BOTH_REJECT", i);
            good.add(e);
            goodDone.add(writer.write(e));
        }
        CompletableFuture<Void> bad = badDone;
        CompletionException failed = assertThrows(CompletionException.class, bad::join);
        assertInstanceOf(StorageException.class, failed.getCause());
        goodDone.forEach(CompletableFuture::join);
        for (StoredEvaluation e : good) {
            assertTrue(history.find(e.id()).isPresent(), "stored: " + e.id());
        }
    }
}
