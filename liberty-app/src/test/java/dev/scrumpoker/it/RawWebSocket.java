package dev.scrumpoker.it;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A bare WebSocket client over a plain socket, for what {@link java.net.http.WebSocket} cannot do: send a large
 * message as one single frame, as browsers do (the JDK client splits messages into 16 KiB fragments).
 */
final class RawWebSocket implements AutoCloseable {

    private static final int OPCODE_CONTINUATION = 0x0;
    private static final int OPCODE_TEXT = 0x1;
    private static final int OPCODE_CLOSE = 0x8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private String responseHead = "";

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    static RawWebSocket open(URI uri) {
        return open(uri, null);
    }

    /** Opens with an {@code Origin} header, as a browser page of that origin would (null: none, as other clients). */
    static RawWebSocket open(URI uri, String origin) {
        return connect(new Socket(), uri, origin);
    }

    /**
     * Opens with a receive buffer of the given size, set before connecting so that it bounds the TCP window: a client
     * that then stops reading lets the server's writes pile up after a few KiB rather than a few MiB.
     */
    static RawWebSocket openWithReceiveBuffer(URI uri, int receiveBufferBytes) {
        Socket socket = new Socket();
        try {
            socket.setReceiveBufferSize(receiveBufferBytes);
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
        return connect(socket, uri, null);
    }

    private static RawWebSocket connect(Socket socket, URI uri, String origin) {
        try {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()));
            socket.setSoTimeout((int) RoomClient.CLOSE_TIMEOUT.toMillis());
            RawWebSocket ws = new RawWebSocket(socket);
            ws.handshake(uri, origin);
            return ws;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handshake(URI uri, String origin) throws IOException {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String request = "GET " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
                + Base64.getEncoder().encodeToString(nonce) + "\r\nSec-WebSocket-Version: 13\r\n"
                + (origin == null ? "" : "Origin: " + origin + "\r\n") + "\r\n";
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            head.write(in.readUnsignedByte());
        }
        responseHead = head.toString(StandardCharsets.US_ASCII);
        String status = responseHead.lines().findFirst().orElse("");
        if (!status.contains(" 101 ")) {
            throw new IOException("WebSocket handshake refused: " + status);
        }
    }

    /** The handshake's response: status line and headers. */
    String responseHead() {
        return responseHead;
    }

    /** Sends the text as one final, masked frame, however long it is. */
    void sendTextFrame(String text) {
        sendFrame(OPCODE_TEXT, true, text);
    }

    /**
     * Sends one fragment of a text message: the first with the text opcode, the others as continuations; only the
     * one with {@code fin} ends the message. Answers false once the server has closed the connection.
     */
    boolean sendFragment(String text, boolean first, boolean fin) {
        try {
            sendFrame(first ? OPCODE_TEXT : OPCODE_CONTINUATION, fin, text);
            return true;
        } catch (UncheckedIOException closedByServer) {
            return false;
        }
    }

    private void sendFrame(int opcode, boolean fin, String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
        frame.write((fin ? 0x80 : 0) | opcode);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else if (payload.length < 65536) {
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xff);
        } else {
            frame.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((long) payload.length >>> shift) & 0xff);
            }
        }
        byte[] mask = new byte[4];
        RANDOM.nextBytes(mask);
        frame.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        try {
            out.write(frame.toByteArray());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads frames until the next text frame and answers it; fails if the server closes first. */
    String awaitText() {
        try {
            while (true) {
                Frame frame = readFrame();
                if (frame.opcode() == OPCODE_TEXT) {
                    return new String(frame.payload(), StandardCharsets.UTF_8);
                } else if (frame.opcode() == OPCODE_CLOSE) {
                    throw new IllegalStateException("closed by the server before any text frame");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads frames until the server's close frame and answers its code (1006 if the connection just ended). */
    int awaitCloseCode() {
        try {
            while (true) {
                Frame frame = readFrame();
                byte[] payload = frame.payload();
                if (frame.opcode() == OPCODE_CLOSE) {
                    return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
                }
                // Pings need no pong: the tests end long before the server's 60 s silence limit.
            }
        } catch (EOFException ended) {
            return RoomClient.ABNORMAL_CLOSURE;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Frame(int opcode, byte[] payload) {
    }

    /** One unmasked frame from the server. */
    private Frame readFrame() throws IOException {
        int first = in.readUnsignedByte();
        int second = in.readUnsignedByte();
        long length = second & 0x7f;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        return new Frame(first & 0x0f, payload);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a socket the server already closed
        }
    }
}
