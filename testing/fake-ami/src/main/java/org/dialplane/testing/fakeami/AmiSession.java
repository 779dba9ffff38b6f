package org.dialplane.testing.fakeami;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ThreadLocalRandom;

/** One client connection: reads actions, authenticates, and writes responses and events. */
final class AmiSession implements Runnable {
    static final String BANNER = "Asterisk Call Manager/7.0.3";

    private final FakeAmiServer server;
    private final Socket socket;
    private final OutputStream out;
    private volatile boolean loggedIn;
    private String challenge;

    AmiSession(FakeAmiServer server, Socket socket) throws IOException {
        this.server = server;
        this.socket = socket;
        this.out = socket.getOutputStream();
    }

    boolean loggedIn() {
        return loggedIn;
    }

    @Override
    public void run() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            writeRaw(BANNER + "\r\n");
            AmiMessage action = new AmiMessage();
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isEmpty()) {
                    int colon = line.indexOf(':');
                    action.with(colon < 0 ? line : line.substring(0, colon),
                            colon < 0 ? "" : line.substring(colon + 1).strip());
                } else if (!action.lines().isEmpty()) {
                    handle(action);
                    action = new AmiMessage();
                }
            }
        } catch (IOException closed) {
            // the client went away or the test dropped the connection
        } finally {
            close();
        }
    }

    private void handle(AmiMessage action) throws IOException {
        server.record(action);
        String name = action.action() == null ? "" : action.action();
        if (name.equalsIgnoreCase("Challenge")) {
            challenge = Long.toString(ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L));
            send(AmiMessage.response("Success", action).with("Challenge", challenge));
        } else if (name.equalsIgnoreCase("Login")) {
            login(action);
        } else if (name.equalsIgnoreCase("Logoff")) {
            send(AmiMessage.response("Goodbye", action).with("Message", "Thanks for all the fish."));
            close();
        } else if (!loggedIn) {
            send(AmiMessage.error(action, "Authentication Required"));
        } else {
            for (AmiMessage message : server.respond(action)) {
                send(message);
            }
        }
    }

    private void login(AmiMessage action) throws IOException {
        boolean userMatches = server.user().equals(action.get("Username"));
        boolean secretMatches = "MD5".equalsIgnoreCase(action.get("AuthType"))
                ? challenge != null && md5(challenge + server.secret()).equalsIgnoreCase(action.get("Key"))
                : server.secret().equals(action.get("Secret"));
        if (!userMatches || !secretMatches) {
            send(AmiMessage.error(action, "Authentication failed"));
            return;
        }
        loggedIn = true;
        send(AmiMessage.success(action, "Authentication accepted"));
        server.loggedIn();
        send(new AmiMessage().with("Event", "FullyBooted").with("Privilege", "system,all")
                .with("Uptime", 100).with("LastReload", 100).with("Status", "Fully Booted"));
    }

    void send(AmiMessage message) throws IOException {
        writeRaw(message.encode());
    }

    /** Sends an event if logged in; a failed write just ends this session. */
    void sendEvent(AmiMessage event) {
        if (!loggedIn) {
            return;
        }
        try {
            send(event);
        } catch (IOException e) {
            close();
        }
    }

    private synchronized void writeRaw(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    void close() {
        loggedIn = false;
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
        server.closed(this);
    }

    static String md5(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            return String.format("%032x", new BigInteger(1, digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
