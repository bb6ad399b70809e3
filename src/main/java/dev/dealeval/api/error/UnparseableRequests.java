package dev.dealeval.api.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.TooLongFrameException;
import io.quarkus.vertx.http.HttpServerStart;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.impl.VertxInternal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import org.jboss.logging.Logger;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Requests the HTTP decoder cannot read (a Content-Length that is not a number, a control character
 * in a header, a request line or header block past Vert.x's limits, bytes that are not HTTP) never
 * reach a route: Vert.x answers them itself, with an empty 400, 414 or 431. This gives them the
 * problem+json every other refusal has, with the same status.
 *
 * <p>Vert.x has the hook ({@code HttpServer#invalidRequestHandler}) but Quarkus creates the server
 * without exposing it, so once the server listens this sets the handler where Vert.x 4.5 keeps it for
 * each event loop's connections (the connection handler every accepted channel gets). That reaches
 * into Vert.x internals: if they change, this logs a warning and the empty answers stay;
 * {@code HostileRequestTest} fails then, so an upgrade cannot lose it unnoticed.
 */
@ApplicationScoped
public class UnparseableRequests {
    private static final Logger LOG = Logger.getLogger(UnparseableRequests.class);
    private final ObjectMapper json;

    public UnparseableRequests(ObjectMapper json) {
        this.json = json;
    }

    void install(@ObservesAsync HttpServerStart started, Vertx vertx) {
        Handler<HttpServerRequest> handler = this::answer;
        int installed = 0;
        try {
            for (Object server : ((VertxInternal) vertx).sharedHttpServers().values()) {
                for (Object connections : connectionHandlers(server)) {
                    Field f = field(connections.getClass(), "invalidRequestHandler");
                    f.set(connections, handler);
                    installed++;
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warnf("Requests the HTTP decoder refuses keep Vert.x's empty answers (%s)", e);
            return;
        }
        if (installed == 0) {
            LOG.warn("Requests the HTTP decoder refuses keep Vert.x's empty answers (no connection handler found)");
        }
    }

    /** Each event loop's connection handler of a listening server: balancer, worker lists, workers. */
    private static List<Object> connectionHandlers(Object server) throws ReflectiveOperationException {
        List<Object> found = new ArrayList<>();
        Object balancer = field(server.getClass(), "channelBalancer").get(server);
        if (balancer == null) {
            return found;
        }
        Map<?, ?> workerMap = (Map<?, ?>) field(balancer.getClass(), "workerMap").get(balancer);
        for (Object workers : workerMap.values()) {
            for (Object worker : (Collection<?>) field(workers.getClass(), "list").get(workers)) {
                // The channel handler is a lambda holding the HttpServerWorker, or the server whose childHandler it is.
                for (Field captured : worker.getClass().getDeclaredFields()) {
                    captured.setAccessible(true);
                    Object value = captured.get(worker);
                    if (value != null && !value.getClass().getSimpleName().equals("HttpServerWorker")) {
                        try {
                            value = field(value.getClass(), "childHandler").get(value);
                        } catch (NoSuchFieldException e) {
                            continue;
                        }
                    }
                    if (value != null && value.getClass().getSimpleName().equals("HttpServerWorker")) {
                        found.add(field(value.getClass(), "connectionHandler").get(value));
                    }
                }
            }
        }
        return found;
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f;
            } catch (NoSuchFieldException e) {
                // look further up
            }
        }
        throw new NoSuchFieldException(type.getName() + "." + name);
    }

    /** As Vert.x decides the status (414 for a long line, 431 for long headers, else 400), with a problem document. */
    private void answer(HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        String message = cause == null || cause.getMessage() == null ? "" : cause.getMessage();
        int status = 400;
        String detail = "The request cannot be read as HTTP/1.1: " + message.replaceAll("[^\\x20-\\x7e]", "?") + ".";
        if (cause instanceof TooLongFrameException && message.startsWith("An HTTP line is larger than")) {
            status = 414;
            detail = "The request line is longer than the HTTP layer reads (quarkus.http.limits.max-initial-line-length).";
        } else if (cause instanceof TooLongFrameException && message.startsWith("HTTP header is larger than")) {
            status = 431;
            detail = "The request headers are larger than the HTTP layer reads (quarkus.http.limits.max-header-size).";
        }
        // No route runs for this request: the headers SecurityHeaders would add are set here.
        SecurityHeaders.apply(request.response().headers(), null);
        HttpGuard.refuse(request.response(), json, status, detail, null).onComplete(done -> request.connection().close());
    }
}
