package dev.dealeval.api.security;

import dev.dealeval.config.DealevalConfig;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many evaluations each client without a key may store: a token bucket per client address
 * (a minute's worth of tokens, refilled evenly) and a count per 24 hours from the client's first
 * store. Kept in memory per instance (a restart forgets it; two replicas allow twice), for at most
 * {@value #MAX_CLIENTS} addresses: past that, the client seen longest ago is forgotten first.
 * Clients with a key are not counted: keys are how a heavy writer is let in.
 */
public final class AnonymousStoreQuota {
    static final int MAX_CLIENTS = 10_000;
    private static final long DAY_MILLIS = 24L * 3600 * 1000;

    private final int perMinute;
    private final int perDay;
    private final Map<String, Bucket> clients = new ConcurrentHashMap<>();

    AnonymousStoreQuota(int perMinute, int perDay) {
        this.perMinute = perMinute;
        this.perDay = perDay;
    }

    static AnonymousStoreQuota of(DealevalConfig.Security config) {
        return new AnonymousStoreQuota(config.anonymousStoresPerMinute(), config.anonymousStoresPerDay());
    }

    /** A store refused: how long to wait (0 when anonymous stores are off altogether). */
    public static final class Exceeded extends RuntimeException {
        private final long retryAfterSeconds;

        Exceeded(String message, long retryAfterSeconds) {
            super(message, null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /** Takes one store for {@code client} at {@code nowMillis}, or throws {@link Exceeded}. */
    void acquire(String client, long nowMillis) {
        if (perMinute <= 0 || perDay <= 0) {
            throw new Exceeded("Storing evaluations needs an API key (X-API-Key); without one, send store=false.", 0);
        }
        if (clients.size() >= MAX_CLIENTS && !clients.containsKey(client)) {
            forgetOldest();
        }
        clients.computeIfAbsent(client, c -> new Bucket(perMinute, nowMillis)).take(nowMillis);
    }

    private void forgetOldest() {
        clients.entrySet().stream()
                .min(java.util.Comparator.comparingLong(e -> e.getValue().lastSeen))
                .ifPresent(e -> clients.remove(e.getKey(), e.getValue()));
    }

    private final class Bucket {
        private double tokens;
        private long refilled;
        private long dayStart;
        private int today;
        private volatile long lastSeen;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilled = now;
            this.dayStart = now;
        }

        synchronized void take(long now) {
            lastSeen = now;
            tokens = Math.min(perMinute, tokens + (now - refilled) * perMinute / 60_000.0);
            refilled = now;
            if (now - dayStart >= DAY_MILLIS) {
                dayStart = now;
                today = 0;
            }
            if (today >= perDay) {
                throw new Exceeded(
                        "This client has stored " + perDay + " evaluations without a key in 24 hours "
                                + "(dealeval.security.anonymous-stores-per-day); send a key, or store=false.",
                        (dayStart + DAY_MILLIS - now + 999) / 1000);
            }
            if (tokens < 1) {
                throw new Exceeded(
                        "This client stores evaluations without a key faster than " + perMinute + " a minute "
                                + "(dealeval.security.anonymous-stores-per-minute); send a key, or store=false.",
                        (long) Math.ceil((1 - tokens) * 60.0 / perMinute));
            }
            tokens--;
            today++;
        }
    }
}
