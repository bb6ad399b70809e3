package dev.dealeval.api.error;

import dev.dealeval.config.DealevalConfig;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses bodies without a Content-Length (chunked) over {@code dealeval.limits.max-body-bytes} with
 * 413 problem+json while they are read; a declared Content-Length over it is refused before anything
 * is read, by {@link HttpGuard}. (Vert.x's own, larger {@code quarkus.http.limits.max-body-size}
 * bounds what is buffered before this counts it.)
 *
 * <p>Chunked bodies are counted by a request filter that wraps the entity stream, not by a
 * {@code ReaderInterceptor}: with any reader interceptor installed, RESTEasy Reactive parses the
 * resource method's parameter annotations on every request (7% of the CPU of an evaluation).
 */
public class BodySizeLimit {
    // The filters may be built before runtime configuration exists: read it on first use.
    private final jakarta.inject.Provider<DealevalConfig> config;

    public BodySizeLimit(jakarta.inject.Provider<DealevalConfig> config) {
        this.config = config;
    }

    private long limit() {
        return config.get().limits().maxBodyBytes();
    }

    /** After the body is buffered, and only without a Content-Length: count it as the reader consumes it. */
    @ServerRequestFilter(readBody = true)
    public void countChunkedBody(ContainerRequestContext ctx) {
        if (ctx.getHeaderString(HttpHeaders.CONTENT_LENGTH) == null && ctx.hasEntity()) {
            ctx.setEntityStream(new Counting(ctx.getEntityStream(), limit()));
        }
    }

    private Response tooLarge(UriInfo uri) {
        return ProblemMappers.problem(
                413,
                "urn:dealeval:problem:payload-too-large",
                "Payload Too Large",
                "The body is larger than the limit of " + limit() + " bytes (dealeval.limits.max-body-bytes).",
                uri,
                null);
    }

    private final class Counting extends FilterInputStream {
        private final long max;
        private long read;

        Counting(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) {
            read += n;
            if (read > max) {
                throw new WebApplicationException(tooLarge(null));
            }
        }
    }
}
