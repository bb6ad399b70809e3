package dev.dealeval.api.error;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Headers every answer carries, whoever wrote it (a resource, a problem mapper, {@link HttpGuard},
 * the request timeout, Swagger UI), set just before the headers are sent:
 *
 * <ul>
 * <li>{@code X-Content-Type-Options: nosniff}: a browser takes JSON as JSON and SVG as SVG, never as
 * a script or a page it guessed;</li>
 * <li>{@code Content-Security-Policy}: JSON and the SVG charts may load nothing and run nothing (the
 * charts style themselves inline); the Swagger UI page may load its own scripts and styles and call
 * the API, nothing from elsewhere; no page of the service may be framed;</li>
 * <li>{@code Cache-Control: no-store} on API answers that state no caching of their own: answers
 * are computed per request, may be stored evaluations a key was needed for, and change with
 * profiles and scenarios;</li>
 * <li>{@code Referrer-Policy: no-referrer} and {@code X-Frame-Options: DENY} for older browsers.</li>
 * </ul>
 */
@ApplicationScoped
public class SecurityHeaders {
    static final String API_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";
    /** Swagger UI's page starts itself with an inline script and styles itself inline. */
    static final String PAGE_POLICY =
            "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
                    + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

    /** Notified before {@link HttpGuard}'s installer, so its refusals carry these headers too. */
    void install(@Observes @Priority(1) Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::onHeaders);
    }

    private void onHeaders(RoutingContext ctx) {
        String path = ctx.request().path();
        ctx.addHeadersEndHandler(done -> apply(ctx.response().headers(), path));
        ctx.next();
    }

    /** Sets the headers on an answer about to be sent for {@code path} (null when the request had none that could be read). */
    static void apply(MultiMap h, String path) {
        h.set("X-Content-Type-Options", "nosniff");
        h.set("X-Frame-Options", "DENY");
        h.set("Referrer-Policy", "no-referrer");
        String type = h.get("Content-Type");
        h.set("Content-Security-Policy", type != null && type.startsWith("text/html") ? PAGE_POLICY : API_POLICY);
        if ((path == null || path.startsWith("/api/")) && !h.contains("Cache-Control")) {
            h.set("Cache-Control", "no-store");
        }
    }
}
