package dev.dealeval.application.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealeval.application.port.IdempotencyStore;
import dev.dealeval.application.port.StoredEvaluation;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A creating request that fails half-way leaves nothing: neither what it wrote nor its idempotency key. */
@QuarkusTest
class AtomicWritesTest {
    @Inject
    Idempotency idempotency;

    @Inject
    EvaluationHistory history;

    @Inject
    IdempotencyStore keys;

    private static StoredEvaluation evaluation(String id) {
        return new StoredEvaluation(
                id,
                Instant.now(),
                "default",
                1,
                "2026.12-1",
                "GENEVA_2025",
                1L,
                "BOTH_REJECT",
                0,
                0,
                "{}",
                CompactJson.deflate("{}"));
    }

    @Test
    void aFailureAfterTheFirstWriteRollsEverythingBack() {
        String id = UUID.randomUUID().toString();
        String key = UUID.randomUUID().toString();
        IllegalStateException boom = assertThrows(
                IllegalStateException.class,
                () -> idempotency.run("test", key, "hash", () -> {
                    history.save(evaluation(id));
                    throw new IllegalStateException("failed after writing");
                }));
        assertEquals("failed after writing", boom.getMessage());
        assertTrue(history.find(id).isEmpty(), "the evaluation written before the failure is gone");
        assertTrue(keys.find("test", key).isEmpty(), "the key is free for a retry");

        // The retry with the same key succeeds and is recorded.
        var outcome = idempotency.run("test", key, "hash", () -> {
            history.save(evaluation(id));
            return new IdempotencyStore.Outcome(201, "/x/" + id, null, "{}");
        });
        assertEquals(201, outcome.status());
        assertTrue(history.find(id).isPresent());
        assertEquals(outcome, idempotency.run("test", key, "hash", () -> {
            throw new AssertionError("a replay must not run the work again");
        }));
    }
}
