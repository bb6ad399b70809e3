package dev.dealeval.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A mixed workload against a running service for a bounded time, as production traffic would mix it:
 * 70% evaluations (stored, computed only, and the compact view), 20% reads (stored evaluations, the
 * history, scenarios, profiles, the term catalogue) and 10% deal-space analyses (comparisons,
 * counteroffers, small searches, small sensitivity analyses). Closed loop: each connection sends its
 * next request when the last one is answered. Prints, per endpoint, requests, throughput, p50 and
 * p99 latency and errors (anything but 2xx, or no answer), and the totals; exits 1 on any error.
 * Each connection is a plain blocking socket speaking HTTP/1.1 with keep-alive (a few microseconds of
 * the generator's CPU a request, against ~100 µs for the JDK's HTTP client, which on a shared
 * 2-core machine measured the generator more than the service).
 *
 * <pre>java -cp … dev.dealeval.bench.MixedLoad http://127.0.0.1:18086 [seconds=30] [connections=32] [seed=1] [editorKey]</pre>
 * bench/mixed-load.sh starts the packaged service and runs it.
 */
public final class MixedLoad {
    private MixedLoad() {}

    /** One kind of request and its share of the mix, in percent. */
    private record Kind(String name, int percent, String method, String path, String body) {}

    private static final String BUNDLE = "{\"purchases\":{\"agricultureUsdBnPerYear\":16,\"energyUsdBnPerYear\":26,"
            + "\"manufacturedUsdBnPerYear\":39,\"servicesUsdBnPerYear\":19},\"investment\":{\"jobs\":500000,\"technologyLicensing\":true},"
            + "\"fentanyl\":{\"level\":\"LAW_ENFORCEMENT_PACKAGE\"},\"usConcessions\":{\"fentanylTariffPct\":0,\"standstillMonths\":24,"
            + "\"exportControlLevel\":3},\"commitment\":{\"form\":\"SIGNED_TEXT\"}}";
    private static final String EVALUATION = "{\"scenario\":\"GENEVA_2025\",\"bundle\":" + BUNDLE + "}";

    private static List<Kind> mix() {
        return List.of(
                new Kind("POST /evaluations (stored)", 20, "POST", "/api/v1/evaluations", EVALUATION),
                new Kind("POST /evaluations?store=false", 25, "POST", "/api/v1/evaluations?store=false", EVALUATION),
                new Kind("POST /evaluations/summary", 25, "POST", "/api/v1/evaluations/summary", EVALUATION),
                new Kind("GET /evaluations/{id}", 6, "GET", "/api/v1/evaluations/{id}", null),
                new Kind("GET /evaluations?size=20", 4, "GET", "/api/v1/evaluations?size=20", null),
                new Kind("GET /scenarios/GENEVA_2025", 4, "GET", "/api/v1/scenarios/GENEVA_2025", null),
                new Kind("GET /profiles/default", 3, "GET", "/api/v1/profiles/default", null),
                new Kind("GET /terms", 3, "GET", "/api/v1/terms", null),
                new Kind(
                        "POST /comparisons (3 bundles)",
                        4,
                        "POST",
                        "/api/v1/comparisons",
                        "{\"bundles\":[{\"bundle\":" + BUNDLE
                                + "},{\"bundle\":{}},{\"bundle\":{\"usConcessions\":{\"reciprocalTariffPct\":10}}}]}"),
                new Kind(
                        "POST /counteroffers",
                        3,
                        "POST",
                        "/api/v1/counteroffers",
                        "{\"limit\":5,\"bundle\":{\"purchases\":{\"agricultureUsdBnPerYear\":8},\"usConcessions\":{\"exportControlLevel\":4}}}"),
                new Kind(
                        "POST /searches (3 terms)",
                        2,
                        "POST",
                        "/api/v1/searches",
                        "{\"frontierLimit\":20,\"terms\":[{\"term\":\"purchases.agricultureUsdBnPerYear\"},{\"term\":\"usConcessions.reciprocalTariffPct\"},"
                                + "{\"term\":\"usConcessions.exportControlLevel\"}]}"),
                new Kind(
                        "POST /sensitivity-analyses (300 x 2)",
                        1,
                        "POST",
                        "/api/v1/sensitivity-analyses",
                        "{\"samples\":300,\"bundles\":[{\"bundle\":" + BUNDLE + "},{\"bundle\":{}}]}"));
    }

    /** Latencies (nanoseconds) and errors of one kind, filled by every connection. */
    private static final class Stats {
        final ConcurrentLinkedQueue<long[]> chunks = new ConcurrentLinkedQueue<>();
        final AtomicLong errors = new AtomicLong();
        final ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int connections = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 1;
        String editorKey = args.length > 4 ? args[4] : null;
        List<Kind> kinds = mix();
        if (kinds.stream().mapToInt(Kind::percent).sum() != 100) {
            throw new IllegalStateException("the mix must add up to 100%");
        }
        int[] wheel = new int[100];
        int at = 0;
        for (int k = 0; k < kinds.size(); k++) {
            for (int p = 0; p < kinds.get(k).percent(); p++) {
                wheel[at++] = k;
            }
        }
        URI target = URI.create(base);
        // A stored evaluation for the reads of one.
        String evaluationId;
        try (Connection seeding = new Connection(target, editorKey)) {
            Connection.Answer created = seeding.send("POST", "/api/v1/evaluations", EVALUATION);
            if (created.status() != 201) {
                throw new IllegalStateException(
                        "could not store an evaluation: HTTP " + created.status() + " " + created.body());
            }
            evaluationId = created.body().replaceAll("(?s).*?\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        }

        Stats[] stats = new Stats[kinds.size()];
        for (int k = 0; k < stats.length; k++) {
            stats[k] = new Stats();
        }
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        CountDownLatch done = new CountDownLatch(connections);
        long started = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + c);
            Thread t = new Thread(
                    () -> {
                        long[][] buffers = new long[kinds.size()][];
                        int[] fill = new int[kinds.size()];
                        Connection connection = new Connection(target, editorKey);
                        try {
                            while (System.nanoTime() < end) {
                                int k = wheel[random.nextInt(100)];
                                Kind kind = kinds.get(k);
                                long t0 = System.nanoTime();
                                try {
                                    int status = connection
                                            .send(kind.method(), kind.path().replace("{id}", evaluationId), kind.body())
                                            .status();
                                    if (status / 100 != 2) {
                                        error(stats[k], kind.name() + ": HTTP " + status);
                                    }
                                } catch (java.io.IOException e) {
                                    error(stats[k], kind.name() + ": " + e);
                                    connection.close();
                                }
                                long elapsed = System.nanoTime() - t0;
                                if (buffers[k] == null || fill[k] == buffers[k].length) {
                                    if (buffers[k] != null) {
                                        stats[k].chunks.add(buffers[k]);
                                    }
                                    buffers[k] = new long[4096];
                                    fill[k] = 0;
                                }
                                buffers[k][fill[k]++] = elapsed;
                            }
                        } finally {
                            connection.close();
                            for (int k = 0; k < buffers.length; k++) {
                                if (buffers[k] != null) {
                                    stats[k].chunks.add(Arrays.copyOf(buffers[k], fill[k]));
                                }
                            }
                            done.countDown();
                        }
                    },
                    "load-" + c);
            t.setDaemon(true);
            t.start();
        }
        done.await();
        double wall = (System.nanoTime() - started) / 1e9;

        System.out.printf("mixed load: %d connections, %d s, seed %d, against %s%n", connections, seconds, seed, base);
        System.out.printf(
                "%-44s %9s %9s %9s %9s %7s%n", "endpoint (share)", "requests", "req/s", "p50 ms", "p99 ms", "errors");
        long total = 0;
        long errors = 0;
        List<Long> all = new ArrayList<>();
        Map<String, String> firstErrors = new LinkedHashMap<>();
        for (int k = 0; k < kinds.size(); k++) {
            long[] lat = merge(stats[k]);
            total += lat.length;
            errors += stats[k].errors.get();
            for (long l : lat) {
                all.add(l);
            }
            System.out.printf(
                    "%-44s %9d %9.0f %9.2f %9.2f %7d%n",
                    kinds.get(k).name() + " (" + kinds.get(k).percent() + "%)",
                    lat.length,
                    lat.length / wall,
                    percentile(lat, 50),
                    percentile(lat, 99),
                    stats[k].errors.get());
            String first = stats[k].firstErrors.peek();
            if (first != null) {
                firstErrors.put(kinds.get(k).name(), first);
            }
        }
        long[] everything = all.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(everything);
        System.out.printf(
                "%-44s %9d %9.0f %9.2f %9.2f %7d%n",
                "all", total, total / wall, percentile(everything, 50), percentile(everything, 99), errors);
        firstErrors.forEach((k, v) -> System.out.println("first error, " + k + ": " + v));
        System.exit(errors == 0 ? 0 : 1);
    }

    private static void error(Stats s, String what) {
        if (s.errors.incrementAndGet() <= 3) {
            s.firstErrors.add(what);
        }
    }

    /** One keep-alive HTTP/1.1 connection on a blocking socket, reopened after an error. */
    private static final class Connection implements AutoCloseable {
        record Answer(int status, String body) {}

        private final URI target;
        private final String editorKey;
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        Connection(URI target, String editorKey) {
            this.target = target;
            this.editorKey = editorKey;
        }

        Answer send(String method, String path, String body) throws IOException {
            if (socket == null) {
                socket = new Socket();
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(30_000);
                socket.connect(new InetSocketAddress(target.getHost(), target.getPort()), 5_000);
                in = new BufferedInputStream(socket.getInputStream(), 65_536);
                out = socket.getOutputStream();
            }
            byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder(256)
                    .append(method)
                    .append(' ')
                    .append(path)
                    .append(" HTTP/1.1\r\nHost: ")
                    .append(target.getHost())
                    .append(':')
                    .append(target.getPort())
                    .append("\r\n");
            if (editorKey != null) {
                head.append("X-API-Key: ").append(editorKey).append("\r\n");
            }
            if (body != null) {
                head.append("Content-Type: application/json\r\nContent-Length: ")
                        .append(payload.length)
                        .append("\r\n");
            }
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.write(payload);
            out.flush();
            String status = line();
            if (!status.startsWith("HTTP/1.1 ")) {
                throw new IOException("not an HTTP/1.1 answer: " + status);
            }
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                String name = h.substring(0, Math.max(0, h.indexOf(':'))).trim();
                String value = h.substring(h.indexOf(':') + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                    chunked = true;
                }
            }
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].trim(), 16);
                        size > 0;
                        size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    copy(size, received);
                    line();
                }
                line();
            } else if (length >= 0) {
                copy(length, received);
            } else {
                throw new IOException("an answer without a length");
            }
            return new Answer(code, received.toString(StandardCharsets.UTF_8));
        }

        private void copy(long n, ByteArrayOutputStream to) throws IOException {
            byte[] buffer = new byte[8192];
            while (n > 0) {
                int r = in.read(buffer, 0, (int) Math.min(buffer.length, n));
                if (r < 0) {
                    throw new IOException("the connection closed mid-answer");
                }
                to.write(buffer, 0, r);
                n -= r;
            }
        }

        private String line() throws IOException {
            StringBuilder b = new StringBuilder(64);
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("the connection closed");
                }
                if (c != '\r') {
                    b.append((char) c);
                }
            }
            return b.toString();
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing after an error: nothing more to do
                }
                socket = null;
            }
        }
    }

    private static long[] merge(Stats s) {
        long[] out = s.chunks.stream().flatMapToLong(Arrays::stream).toArray();
        Arrays.sort(out);
        return out;
    }

    /** The p-th percentile in milliseconds (nearest rank), 0 without data. */
    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))] / 1e6;
    }
}
