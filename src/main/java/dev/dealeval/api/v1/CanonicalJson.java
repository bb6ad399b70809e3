package dev.dealeval.api.v1;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.dealeval.application.error.InvalidInputException;
import dev.dealeval.domain.engine.Violation;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Requests in a canonical JSON form (keys sorted, nulls kept): what an evaluation stores as its
 * request, and what an Idempotency-Key is bound to, so the same request in another key order is
 * still the same request.
 */
@Singleton
public class CanonicalJson {
    static final int MAX_KEY_LENGTH = 200;
    private final ObjectMapper canonical = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
    private final ObjectMapper json;

    public CanonicalJson(ObjectMapper json) {
        this.json = json;
    }

    /** A response body as the service writes it, to record with an idempotency key. */
    String writeResponse(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write response", e);
        }
    }

    String write(Object request) {
        try {
            return canonical.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write request", e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Idempotency-Key header, checked; null when absent. */
    static String key(String header) {
        if (header == null) {
            return null;
        }
        if (header.isBlank()
                || header.length() > MAX_KEY_LENGTH
                || !header.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new InvalidInputException(List.of(new Violation(
                    "Idempotency-Key", "must be 1-" + MAX_KEY_LENGTH + " visible ASCII characters, e.g. a UUID")));
        }
        return header;
    }
}
