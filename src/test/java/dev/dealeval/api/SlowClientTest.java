package dev.dealeval.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Slow and greedy clients: a connection that trickles its headers is closed by the header read
 * timeout (here 2 s, so that the test takes seconds), whatever it keeps sending; and while one
 * client holds every connection the API port allows, the probes on the management port answer.
 */
@QuarkusTest
@TestProfile(SlowClientTest.Short.class)
class SlowClientTest extends ApiTestSupport {
    static final int MAX_CONNECTIONS = 50;

    public static class Short implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "dealeval.limits.header-timeout",
                    "2s",
                    "quarkus.http.limits.max-connections",
                    String.valueOf(MAX_CONNECTIONS));
        }
    }

    /** Reads until the server closes the connection; the seconds that took, or -1 if it stayed open past {@code maxSeconds}. */
    private static double secondsUntilClosed(Socket s, long started, int maxSeconds, OutputStream trickle)
            throws Exception {
        InputStream in = s.getInputStream();
        s.setSoTimeout(500);
        while ((System.nanoTime() - started) / 1e9 < maxSeconds) {
            try {
                if (in.read() < 0) {
                    return (System.nanoTime() - started) / 1e9;
                }
            } catch (SocketTimeoutException e) {
                if (trickle != null) {
                    try {
                        trickle.write('a'); // one more byte of an endless header value
                        trickle.flush();
                    } catch (java.io.IOException closed) {
                        return (System.nanoTime() - started) / 1e9;
                    }
                }
            } catch (java.io.IOException reset) {
                return (System.nanoTime() - started) / 1e9;
            }
        }
        return -1;
    }

    @Test
    void aClientTricklingItsHeadersIsClosedByTheHeaderTimeout() throws Exception {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", RawHttp.port()), 5000);
            long started = System.nanoTime();
            OutputStream out = s.getOutputStream();
            out.write("GET /api/v1/profiles HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            double closedAfter = secondsUntilClosed(s, started, 15, out);
            assertTrue(closedAfter > 0, "a trickling client kept its connection for 15 s");
            assertTrue(
                    closedAfter >= 1.9 && closedAfter < 6,
                    "closed after " + closedAfter + " s (timeout 2 s: between 2 and 4 s)");
        }
    }

    @Test
    void anIdleConnectionIsClosedAndAKeptAliveOneServesItsRequestsFirst() throws Exception {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", RawHttp.port()), 5000);
            long started = System.nanoTime();
            double closedAfter = secondsUntilClosed(s, started, 15, null);
            assertTrue(closedAfter >= 1.9 && closedAfter < 6, "a silent connection closed after " + closedAfter + " s");
        }
        // Requests in quick succession on one connection are all answered: the timeout counts only silence.
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", RawHttp.port()), 5000);
            s.setSoTimeout(10_000);
            long started = System.nanoTime();
            for (int i = 0; i < 6; i++) {
                s.getOutputStream()
                        .write("GET /api/v1/terms HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                assertEquals(200, RawHttp.read(s.getInputStream()).status());
                Thread.sleep(900);
            }
            assertTrue((System.nanoTime() - started) / 1e9 > 5, "the requests spanned more than two timeouts");
        }
    }

    @Test
    void theProbesAnswerWhileOneClientHoldsEveryApiConnection() throws Exception {
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_CONNECTIONS + 20; i++) {
                Socket s = new Socket();
                s.connect(new InetSocketAddress("127.0.0.1", RawHttp.port()), 5000);
                s.getOutputStream()
                        .write("GET /api/v1/terms HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
                held.add(s);
            }
            // The API port is full (the connections past the limit were closed as they opened) ...
            int refused = 0;
            for (Socket s : held.subList(MAX_CONNECTIONS, held.size())) {
                s.setSoTimeout(2000);
                try {
                    refused += s.getInputStream().read() < 0 ? 1 : 0;
                } catch (java.io.IOException e) {
                    refused++;
                }
            }
            assertTrue(
                    refused >= 15,
                    "connections past the limit of " + MAX_CONNECTIONS + " closed: " + refused + " of 20");
            // ... and the probes answer on theirs.
            management().get("/q/health/live").then().statusCode(200);
            management().get("/q/health/ready").then().statusCode(200);
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }
}
