package dev.dealeval.api;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A PostgreSQL server that refuses every connection the way a real one does while it starts up,
 * recovers after a crash or has no slot left: it reads the startup packet and answers a FATAL
 * ErrorResponse with the given SQLSTATE (frontend/backend protocol v3) and closes the connection.
 * That is all of the protocol the real driver needs to raise the server's own error, so tests can
 * see which states reach the service without stopping a real database.
 */
public final class FakePostgres implements AutoCloseable {
    /** The codes a client sends instead of a protocol version to ask for TLS or GSSAPI encryption first. */
    private static final int SSL_REQUEST = 80877103;

    private static final int GSSENC_REQUEST = 80877104;

    private final String sqlState;
    private final String message;
    private final ServerSocket server;
    private final AtomicInteger refused = new AtomicInteger();

    /** Listens on an ephemeral port of 127.0.0.1 at once; {@link #port()} says which. */
    public FakePostgres(String sqlState, String message) {
        this.sqlState = sqlState;
        this.message = message;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "fake-postgres-" + port());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/x";
    }

    /** How many start-ups it has refused so far: proof that a client really came here. */
    public int refused() {
        return refused.get();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread t = new Thread(() -> refuse(client), "fake-postgres-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void refuse(Socket client) {
        try (client) {
            client.setSoTimeout(5000);
            DataInputStream in = new DataInputStream(client.getInputStream());
            DataOutputStream out = new DataOutputStream(client.getOutputStream());
            while (true) {
                // Every start-up packet is an int32 length (itself included) and an int32 code or protocol version.
                int length = in.readInt();
                int code = in.readInt();
                in.skipNBytes(length - 8);
                if (code != SSL_REQUEST && code != GSSENC_REQUEST) {
                    break; // the StartupMessage (or a CancelRequest): refuse it
                }
                out.writeByte('N'); // no encryption here: the client goes on in plain text
                out.flush();
            }
            refused.incrementAndGet(); // before answering: the client may look as soon as it has the answer
            byte[] fields = fields('S', "FATAL", 'V', "FATAL", 'C', sqlState, 'M', message);
            out.writeByte('E');
            out.writeInt(4 + fields.length);
            out.write(fields);
            out.flush();
        } catch (IOException e) {
            // The client gave up first: nothing to refuse.
        }
    }

    /** ErrorResponse fields: a type byte and a zero-terminated string each, then a zero byte. */
    private static byte[] fields(Object... typesAndValues) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < typesAndValues.length; i += 2) {
            sb.append(typesAndValues[i]).append(typesAndValues[i + 1]).append('\0');
        }
        return sb.append('\0').toString().getBytes(StandardCharsets.UTF_8);
    }
}
