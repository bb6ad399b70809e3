package dev.dealeval.api.v1;

import dev.dealeval.application.catalog.IfMatch;
import dev.dealeval.application.error.InvalidInputException;
import dev.dealeval.domain.engine.Violation;
import jakarta.ws.rs.core.EntityTag;
import java.util.List;

/** Versions as strong ETags ({@code "3"}) and If-Match headers back to versions. */
final class Etags {
    private Etags() {}

    static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * The version an If-Match header names; null when the header is absent (→ 428), and
     * {@link IfMatch#ANY} for {@code *}, which the service resolves inside the write.
     */
    static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String tag = ifMatch.trim();
        if (tag.equals("*")) {
            return IfMatch.ANY;
        }
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(
                    List.of(new Violation("If-Match", "must be an ETag from GET, such as \"3\"")));
        }
    }
}
