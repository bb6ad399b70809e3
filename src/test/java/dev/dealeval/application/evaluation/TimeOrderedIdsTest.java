package dev.dealeval.application.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void layoutIsRfc9562Version7() {
        Instant at = Instant.parse("2026-12-03T07:00:00.123456Z");
        UUID id = TimeOrderedIds.next(at);
        assertEquals(7, id.version());
        assertEquals(2, id.variant()); // the RFC's variant (binary 10)
        assertEquals(at.toEpochMilli(), TimeOrderedIds.millis(id));
        // Hand-computed: 1,796,281,200,123 ms is 0x01A23AB3EDFB, the first 12 hex digits, then the version.
        assertEquals(1_796_281_200_123L, at.toEpochMilli());
        assertTrue(id.toString().startsWith("01a23ab3-edfb-7"), id.toString());
    }

    @Test
    void laterIdsSortAfterEarlierOnesAsTextAndNoneRepeat() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        String previous = "";
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            UUID id = TimeOrderedIds.next(t.plusMillis(i));
            assertTrue(seen.add(id));
            String s = id.toString();
            assertTrue(s.compareTo(previous) > 0, s + " after " + previous);
            previous = s;
        }
        for (int i = 0; i < 20_000; i++) {
            assertTrue(seen.add(TimeOrderedIds.next(t)), "ids in the same millisecond differ by their 74 random bits");
        }
    }

    @Test
    void refusesTimesOutsideTheFieldAndOtherVersions() {
        assertThrows(IllegalArgumentException.class, () -> TimeOrderedIds.next(Instant.ofEpochMilli(-1)));
        assertThrows(IllegalArgumentException.class, () -> TimeOrderedIds.next(Instant.ofEpochMilli(1L << 48)));
        assertThrows(IllegalArgumentException.class, () -> TimeOrderedIds.millis(UUID.randomUUID()));
    }
}
