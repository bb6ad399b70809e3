package dev.dealeval.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sends bytes as they are over a socket and reads one HTTP/1.1 answer: what no HTTP client library
 * would send (raw bytes in the request line, broken escapes, control characters in headers).
 */
final class RawHttp {
    private RawHttp() {}

    /** The port the application under test listens on (REST Assured's, set by the Quarkus test). */
    static int port() {
        return io.restassured.RestAssured.port;
    }

    /** An answer: status -1 when the connection closed (or timed out) before a status line arrived. */
    record Answer(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + (body.length() > 500 ? body.substring(0, 500) + "..." : body);
        }
    }

    static Answer send(int port, byte[] request) throws IOException {
        return send("127.0.0.1", port, request, 10_000);
    }

    static Answer send(String host, int port, byte[] request, int timeoutMillis) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), timeoutMillis);
            s.setSoTimeout(timeoutMillis);
            OutputStream out = s.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException e) {
                // The server may answer and close before reading everything (a refused body): read what it said.
            }
            return read(s.getInputStream());
        }
    }

    static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        try {
            while (state < 4) {
                int b = in.read();
                if (b < 0) {
                    return new Answer(-1, Map.of(), head.toString(StandardCharsets.ISO_8859_1));
                }
                head.write(b);
                state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3))
                        ? state + 1
                        : (b == '\r' ? 1 : 0);
            }
        } catch (SocketTimeoutException e) {
            return new Answer(-1, Map.of(), "timed out after " + head.size() + " bytes");
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(
                        lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String length = headers.get("content-length");
        if (length != null) {
            byte[] buf = in.readNBytes(Integer.parseInt(length));
            body.write(buf);
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            while (true) {
                StringBuilder size = new StringBuilder();
                for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
                    if (b != '\r') {
                        size.append((char) b);
                    }
                }
                int n = Integer.parseInt(size.toString().split(";")[0].trim(), 16);
                if (n == 0) {
                    // Trailers, if any, then the empty line that ends the message.
                    for (int len = -1; len != 0; ) {
                        len = 0;
                        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
                            len += b == '\r' ? 0 : 1;
                        }
                    }
                    break;
                }
                body.write(in.readNBytes(n));
                in.readNBytes(2);
            }
        }
        return new Answer(status, headers, body.toString(StandardCharsets.UTF_8));
    }
}
