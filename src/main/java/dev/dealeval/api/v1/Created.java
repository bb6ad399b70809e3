package dev.dealeval.api.v1;

import dev.dealeval.application.port.IdempotencyStore;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The response of a creating POST, first time or replayed: same status, Location, ETag and body. */
final class Created {
    private Created() {}

    static Response response(IdempotencyStore.Outcome outcome) {
        Response.ResponseBuilder r = Response.status(outcome.status())
                .type(MediaType.APPLICATION_JSON)
                .entity(outcome.body());
        if (outcome.location() != null) {
            r.header("Location", outcome.location());
        }
        if (outcome.etag() != null) {
            r.header("ETag", outcome.etag());
        }
        return r.build();
    }
}
