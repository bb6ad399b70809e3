package dev.dealeval.api.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dealeval.config.DealevalConfig;
import io.netty.handler.codec.TooLongFrameException;
import io.quarkus.vertx.http.HttpServerStart;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpServerConnection;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.net.impl.ConnectionBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Two things Vert.x does for each HTTP/1.1 connection that Quarkus gives no way to configure:
 *
 * <ul>
 * <li>Requests the HTTP decoder cannot read (a Content-Length that is not a number, a control
 * character in a header, a request line or header block past Vert.x's limits, bytes that are not
 * HTTP) never reach a route: Vert.x answers them itself, with an empty 400, 414 or 431. Here they
 * get the problem+json every other refusal has, with the same status.</li>
 * <li>A header read timeout ({@code dealeval.limits.header-timeout}): a connection that sends no
 * complete request head for that long while none of its requests is being answered is closed.
 * Vert.x's idle timeout alone restarts with every byte, so a client sending its headers a byte at a
 * time could hold a connection for hours.</li>
 * </ul>
 *
 * Vert.x has the hooks (an invalid-request handler and a connection handler on the server) but
 * Quarkus creates the server without exposing them, so once the server listens this wraps the
 * connection handler where Vert.x 4.5 keeps it for each event loop. That reaches into Vert.x
 * internals: if they change, this logs a warning and the service runs without both;
 * {@code HostileRequestTest} and {@code SlowClientTest} fail then, so an upgrade cannot lose them
 * unnoticed.
 */
@ApplicationScoped
public class HttpConnections {
    private static final Logger LOG = Logger.getLogger(HttpConnections.class);
    /** How long after the start the connection handlers are looked for (see {@link #install}). */
    static final int SWEEP_SECONDS = 30;

    private final ObjectMapper json;
    private final long headerTimeoutMillis;
    /** Http1xServerConnection's request handler and answer in progress, found on the first connection. */
    private volatile Field requestHandler;

    private volatile Field responseInProgress;

    public HttpConnections(ObjectMapper json, DealevalConfig config) {
        this.json = json;
        this.headerTimeoutMillis = config.limits().headerTimeout().toMillis();
    }

    /**
     * The event comes as the first listener starts; the other event loops' listeners (and the
     * management listener) may register a little later, so the handlers are installed again every
     * half second for the first {@value #SWEEP_SECONDS} seconds (a handler already wrapped is left
     * alone).
     */
    void install(@ObservesAsync HttpServerStart started, Vertx vertx) {
        long[] sweeps = {0};
        vertx.setPeriodic(0, 500, id -> {
            if (!sweep(vertx) || ++sweeps[0] >= SWEEP_SECONDS * 2) {
                vertx.cancelTimer(id);
            }
        });
    }

    /** Wraps every connection handler not yet wrapped; false when Vert.x's internals are not as expected. */
    private synchronized boolean sweep(Vertx vertx) {
        try {
            for (Object server : ((VertxInternal) vertx).sharedHttpServers().values()) {
                for (Object worker : workers(server)) {
                    Field f = field(worker.getClass(), "connectionHandler");
                    @SuppressWarnings("unchecked")
                    Handler<HttpServerConnection> original = (Handler<HttpServerConnection>) f.get(worker);
                    if (!(original instanceof Wrapped)) {
                        f.set(worker, new Wrapped(original, vertx));
                    }
                }
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warnf(
                    "No header read timeout, and requests the HTTP decoder refuses keep Vert.x's empty answers (%s)",
                    e);
            return false;
        }
    }

    /** Each event loop's HttpServerWorker of a listening server: balancer, worker lists, the workers' channel handlers. */
    private static List<Object> workers(Object server) throws ReflectiveOperationException {
        List<Object> found = new ArrayList<>();
        Object balancer = field(server.getClass(), "channelBalancer").get(server);
        if (balancer == null) {
            return found;
        }
        Map<?, ?> workerMap =
                (Map<?, ?>) field(balancer.getClass(), "workerMap").get(balancer);
        for (Object workers : workerMap.values()) {
            for (Object channelHandler :
                    (Collection<?>) field(workers.getClass(), "list").get(workers)) {
                // The channel handler is a lambda holding the server whose childHandler is the HttpServerWorker.
                for (Field captured : channelHandler.getClass().getDeclaredFields()) {
                    captured.setAccessible(true);
                    Object value = captured.get(channelHandler);
                    if (value != null && !value.getClass().getSimpleName().equals("HttpServerWorker")) {
                        try {
                            value = field(value.getClass(), "childHandler").get(value);
                        } catch (NoSuchFieldException e) {
                            continue;
                        }
                    }
                    if (value != null && value.getClass().getSimpleName().equals("HttpServerWorker")) {
                        found.add(value);
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

    /** Vert.x's connection handler, then this service's own on each new HTTP/1.1 connection. */
    private final class Wrapped implements Handler<HttpServerConnection> {
        private final Handler<HttpServerConnection> original;
        private final Vertx vertx;

        Wrapped(Handler<HttpServerConnection> original, Vertx vertx) {
            this.original = original;
            this.vertx = vertx;
        }

        @Override
        public void handle(HttpServerConnection connection) {
            original.handle(connection);
            if (!connection.getClass().getSimpleName().equals("Http1xServerConnection")) {
                return; // HTTP/2 has its own framing and limits
            }
            connection.invalidRequestHandler(HttpConnections.this::answer);
            try {
                if (requestHandler == null) { // looked up once: every HTTP/1.1 connection is of the same class
                    requestHandler = field(connection.getClass(), "requestHandler");
                    responseInProgress = field(connection.getClass(), "responseInProgress");
                }
                @SuppressWarnings("unchecked")
                Handler<HttpServerRequest> requests = (Handler<HttpServerRequest>) requestHandler.get(connection);
                new HeaderDeadline(connection, requests, vertx, responseInProgress).start();
            } catch (ReflectiveOperationException e) {
                LOG.debugf("No header read timeout on this connection (%s)", e);
            }
        }
    }

    /**
     * Closes the connection when no request head has arrived for a whole timeout while it was not
     * answering a request: a new connection that sends no complete head, a kept-alive one that waits
     * for its next request, and one trickling its headers all end between one and two timeouts
     * after their last complete request head. Checked once a timeout, not per request: the only
     * cost on the request path is a counter.
     */
    private final class HeaderDeadline {
        private final HttpServerConnection connection;
        private final Handler<HttpServerRequest> requests;
        private final Vertx vertx;
        private final Field answering;
        private long heads;
        private long headsAtLastCheck;
        private long timer;

        HeaderDeadline(
                HttpServerConnection connection, Handler<HttpServerRequest> requests, Vertx vertx, Field answering) {
            this.connection = connection;
            this.requests = requests;
            this.vertx = vertx;
            this.answering = answering;
        }

        void start() {
            connection.handler(request -> {
                heads++;
                requests.handle(request);
            });
            ((ConnectionBase) connection).closeFuture().onComplete(closed -> vertx.cancelTimer(timer));
            timer = vertx.setTimer(headerTimeoutMillis, id -> check());
        }

        private void check() {
            boolean busy;
            try {
                busy = answering.get(connection) != null;
            } catch (IllegalAccessException e) {
                busy = true;
            }
            if (heads == headsAtLastCheck && !busy) {
                connection.close();
                return;
            }
            headsAtLastCheck = heads;
            timer = vertx.setTimer(headerTimeoutMillis, id -> check());
        }
    }

    /** As Vert.x decides the status (414 for a long line, 431 for long headers, else 400), with a problem document. */
    private void answer(HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        String message = cause == null || cause.getMessage() == null ? "" : cause.getMessage();
        int status = 400;
        String detail = "The request cannot be read as HTTP/1.1: " + message.replaceAll("[^\\x20-\\x7e]", "?") + ".";
        if (cause instanceof TooLongFrameException && message.startsWith("An HTTP line is larger than")) {
            status = 414;
            detail =
                    "The request line is longer than the HTTP layer reads (quarkus.http.limits.max-initial-line-length).";
        } else if (cause instanceof TooLongFrameException && message.startsWith("HTTP header is larger than")) {
            status = 431;
            detail = "The request headers are larger than the HTTP layer reads (quarkus.http.limits.max-header-size).";
        }
        // No route runs for this request: the headers SecurityHeaders would add are set here.
        SecurityHeaders.apply(request.response().headers(), null);
        HttpGuard.refuse(request.response(), json, status, detail, null)
                .onComplete(done -> request.connection().close());
    }
}
