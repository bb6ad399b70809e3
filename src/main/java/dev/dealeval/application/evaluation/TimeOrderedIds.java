package dev.dealeval.application.evaluation;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Ids of stored evaluations: version 7 UUIDs (RFC 9562 §5.7), the creation time's Unix milliseconds in
 * the first 48 bits and 74 random bits after the version and variant. New ids sort after older ones, so
 * the history's primary-key index grows at its right edge: a batch of inserts rewrites one leaf page
 * of it instead of one random leaf per row (random version 4 ids made H2 rewrite a page per insert).
 * The random bits come from a {@link SecureRandom}, so ids remain hard to guess.
 */
public final class TimeOrderedIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedIds() {}

    public static UUID next(Instant at) {
        long millis = at.toEpochMilli();
        if (millis < 0 || millis >= 1L << 48) {
            throw new IllegalArgumentException("time outside the 48-bit millisecond range of a version 7 UUID: " + at);
        }
        long random = RANDOM.nextLong();
        long randA = RANDOM.nextInt() & 0xFFFL;
        long msb = millis << 16 | 0x7000L | randA;
        long lsb = random & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }

    /** The creation time in milliseconds written into a version 7 id. */
    public static long millis(UUID id) {
        if (id.version() != 7) {
            throw new IllegalArgumentException("not a version 7 UUID: " + id);
        }
        return id.getMostSignificantBits() >>> 16;
    }
}
