package dev.scrumpoker.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Requests from loopback addresses other than 127.0.0.1 (all of 127/8 is this machine), each with counts of its own
 * in the per-address limits: tests that reach a limit, or send many sign-ins, cannot disturb the others'.
 */
final class OtherAddresses {

    private OtherAddresses() {
    }

    /** An address of this machine other than 127.0.0.1 (all of 127/8 is loopback): its own counts. */
    static String any() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "127." + random.nextInt(1, 255) + "." + random.nextInt(1, 255) + "." + random.nextInt(2, 255);
    }

    record Answer(int status, String text) {

        String header(String name) {
            return text.lines().takeWhile(line -> !line.isEmpty())
                    .filter(line -> line.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + name + " in " + text));
        }
    }

    /** A WebSocket handshake from {@code fromAddress}: its answer's head (and body, when refused); then hangs up. */
    static Answer handshake(String fromAddress) {
        URI target = Server.A.ws("/ws/room/zzzz9999");
        String request = "GET " + target.getRawPath() + " HTTP/1.1\r\nHost: " + target.getHost() + ":" + target.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n";
        try (Socket socket = new Socket(InetAddress.getByName(target.getHost()), target.getPort(),
                InetAddress.getByName(fromAddress), 0)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder answer = new StringBuilder();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                answer.append(line).append('\n');
            }
            int status = Integer.parseInt(answer.substring(answer.indexOf(" ") + 1, answer.indexOf(" ") + 4));
            Answer head = new Answer(status, answer.toString());
            if (status == 101) {
                return head;
            }
            // A refusal's body is short ASCII JSON; the connection stays open, so read what the length says.
            char[] body = new char[Integer.parseInt(head.header("Content-Length"))];
            for (int read = 0; read < body.length; ) {
                read += in.read(body, read, body.length - read);
            }
            return new Answer(status, answer.append('\n').append(body).toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One HTTP/1.1 POST over a socket bound to {@code fromAddress}. */
    static Answer post(String fromAddress, String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        URI target = Server.A.http("/api/v1" + path);
        String request = "POST " + target.getRawPath() + " HTTP/1.1\r\nHost: " + target.getHost() + ":"
                + target.getPort() + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket(InetAddress.getByName(target.getHost()), target.getPort(),
                InetAddress.getByName(fromAddress), 0)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(answer.substring(answer.indexOf(' ') + 1, answer.indexOf(' ') + 4));
            return new Answer(status, answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
