package dev.dealeval.api.error;

import dev.dealeval.config.DealevalConfig;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code dealeval.limits.request-timeout}: a request the service has not answered by then gets 503
 * problem+json with Retry-After, so no caller waits longer whatever it asked for. (What was running
 * for it finishes and its answer is dropped; the analysis limits are set so that this does not
 * happen to an allowed request.)
 */
@ApplicationScoped
public class RequestTimeout {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(RequestTimeout.class);

    void install(@Observes Router router, DealevalConfig config) {
        long millis = config.limits().requestTimeout().toMillis();
        String body = "{\"type\":\"urn:dealeval:problem:timeout\",\"title\":\"Service Unavailable\",\"status\":503,"
                + "\"detail\":\"The request was not answered within the service's request timeout (" + millis
                + " ms).\"}";
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            long timer = ctx.vertx().setTimer(millis, id -> {
                HttpServerResponse r = ctx.response();
                if (!r.ended() && !r.headWritten() && !r.closed()) {
                    // The late answer that follows fails with "Response has already been written": this says why.
                    LOG.warnf(
                            "%s %s not answered within the request timeout (%d ms): answered 503",
                            ctx.request().method(), ctx.request().path(), millis);
                    r.setStatusCode(503)
                            .putHeader("Content-Type", ProblemDetail.MEDIA_TYPE)
                            .putHeader("Retry-After", "5")
                            .end(body);
                }
            });
            ctx.addEndHandler(done -> ctx.vertx().cancelTimer(timer));
            ctx.next();
        });
    }
}
