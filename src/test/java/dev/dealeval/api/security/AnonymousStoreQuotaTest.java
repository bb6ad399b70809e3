package dev.dealeval.api.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AnonymousStoreQuotaTest {

    @Test
    void aMinutesWorthAtOnceThenOneEveryMinuteOverTheRate() {
        AnonymousStoreQuota q = new AnonymousStoreQuota(6, 1000);
        for (int i = 0; i < 6; i++) {
            q.acquire("a", 0);
        }
        AnonymousStoreQuota.Exceeded e = assertThrows(AnonymousStoreQuota.Exceeded.class, () -> q.acquire("a", 0));
        assertEquals(10, e.retryAfterSeconds()); // one token every 10 s at 6 a minute
        assertThrows(AnonymousStoreQuota.Exceeded.class, () -> q.acquire("a", 9_999));
        assertDoesNotThrow(() -> q.acquire("a", 10_000));
        // Another client has its own bucket.
        assertDoesNotThrow(() -> q.acquire("b", 10_000));
    }

    @Test
    void aDaysTotalWhateverTheRate() {
        AnonymousStoreQuota q = new AnonymousStoreQuota(60, 5);
        for (int i = 0; i < 5; i++) {
            q.acquire("a", i * 60_000L);
        }
        AnonymousStoreQuota.Exceeded e =
                assertThrows(AnonymousStoreQuota.Exceeded.class, () -> q.acquire("a", 10 * 60_000L));
        assertEquals(24 * 3600 - 600, e.retryAfterSeconds());
        assertDoesNotThrow(() -> q.acquire("a", 24 * 3600_000L));
    }

    @Test
    void zeroMeansAKeyIsNeededAndTheClientsKeptAreBounded() {
        assertEquals(
                0,
                assertThrows(AnonymousStoreQuota.Exceeded.class, () -> new AnonymousStoreQuota(0, 10).acquire("a", 0))
                        .retryAfterSeconds());
        AnonymousStoreQuota q = new AnonymousStoreQuota(1, 10);
        for (int i = 0; i <= AnonymousStoreQuota.MAX_CLIENTS; i++) {
            q.acquire("c" + i, i);
        }
        // The client seen longest ago was forgotten: it starts again with a full bucket.
        assertDoesNotThrow(() -> q.acquire("c0", AnonymousStoreQuota.MAX_CLIENTS + 1));
        assertThrows(
                AnonymousStoreQuota.Exceeded.class,
                () -> q.acquire("c" + AnonymousStoreQuota.MAX_CLIENTS, AnonymousStoreQuota.MAX_CLIENTS + 1));
    }
}
