package org.dialplane.testing.fakeami;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.BindException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * A fake Asterisk Manager Interface: a real TCP server on a free loopback port that speaks the AMI protocol
 * (banner, Challenge and MD5 or plain Login, responses with ActionID, event lists, async Originate) and can
 * be programmed by a test: it records every action, lets a test script responses per action, emits events,
 * drops connections and refuses new ones for a while. Built-in behaviour lives in {@link PbxState}.
 *
 * <pre>
 * try (FakeAmiServer ami = FakeAmiServer.start()) {
 *     // point the client at ami.host(), ami.port(), ami.user(), ami.secret()
 *     ami.on("QueuePause", action -&gt; List.of(AmiMessage.error(action, "Interface not found")));
 *     AmiMessage originate = ami.awaitAction("Originate", Duration.ofSeconds(5));
 * }
 * </pre>
 */
public final class FakeAmiServer implements AutoCloseable {
    private final String user;
    private final String secret;
    private final PbxState pbx = new PbxState(this);
    private final List<AmiSession> sessions = new CopyOnWriteArrayList<>();
    private final List<AmiMessage> actions = new CopyOnWriteArrayList<>();
    private final Map<String, ActionHandler> scripts = new ConcurrentHashMap<>();
    private final Object changes = new Object();
    private static final Duration REBIND_DEADLINE = Duration.ofSeconds(5);

    private volatile ServerSocket listener;
    private volatile int port;
    private volatile boolean closed;
    private int logins;

    private FakeAmiServer(String user, String secret) {
        this.user = user;
        this.secret = secret;
    }

    /** Starts a server on a free loopback port with user {@code dialplane} and secret {@code s3cret}. */
    public static FakeAmiServer start() throws IOException {
        return start("dialplane", "s3cret");
    }

    public static FakeAmiServer start(String user, String secret) throws IOException {
        return start(user, secret, 0);
    }

    /** Starts on a given loopback port (0 = any free port), e.g. to restart a server where a client expects it. */
    public static FakeAmiServer start(String user, String secret, int port) throws IOException {
        FakeAmiServer server = new FakeAmiServer(user, secret);
        server.listen(port);
        return server;
    }

    /** Runs a server until killed: {@code java -cp fakeami.jar org.dialplane.testing.fakeami.FakeAmiServer [port]}. */
    public static void main(String[] args) throws Exception {
        FakeAmiServer server = start("dialplane", "s3cret", args.length > 0 ? Integer.parseInt(args[0]) : 0);
        System.out.println("fake AMI listening on " + server.host() + ":" + server.port()
                + " user=" + server.user() + " secret=" + server.secret());
        Thread.currentThread().join();
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String secret() {
        return secret;
    }

    /** The simulated PBX: channels, queue members and the AstDB that the built-in actions work on. */
    public PbxState pbx() {
        return pbx;
    }

    // ---- scripting -------------------------------------------------------------------------------------

    /** Replaces the behaviour of one action (case-insensitive) until {@link #reset()}. */
    public FakeAmiServer on(String action, ActionHandler handler) {
        scripts.put(action.toLowerCase(Locale.ROOT), handler);
        return this;
    }

    /** Answers an action with {@code Response: Error} and the given message. */
    public FakeAmiServer fail(String action, String message) {
        return on(action, received -> List.of(AmiMessage.error(received, message)));
    }

    /** Never answers an action, so that the client times out. */
    public FakeAmiServer ignore(String action) {
        return on(action, received -> List.of());
    }

    /** Forgets scripts and recorded actions; the PBX state stays. */
    public void reset() {
        scripts.clear();
        actions.clear();
    }

    // ---- assertions ------------------------------------------------------------------------------------

    /** Every action received since start or {@link #reset()}, Login and Challenge included. */
    public List<AmiMessage> actions() {
        return List.copyOf(actions);
    }

    public List<AmiMessage> actions(String name) {
        return actions.stream().filter(action -> action.isAction(name)).toList();
    }

    /** Waits for the first action of that name (already received or still to come). */
    public AmiMessage awaitAction(String name, Duration timeout) throws TimeoutException, InterruptedException {
        await(() -> !actions(name).isEmpty(), timeout, "no " + name + " action received");
        return actions(name).get(0);
    }

    /** Successful logins since start. */
    public int loginCount() {
        synchronized (changes) {
            return logins;
        }
    }

    public void awaitLogins(int count, Duration timeout) throws TimeoutException, InterruptedException {
        await(() -> loginCount() >= count, timeout, "fewer than " + count + " logins");
    }

    /** Connections currently logged in. */
    public int loggedInClients() {
        return (int) sessions.stream().filter(AmiSession::loggedIn).count();
    }

    // ---- events and faults -----------------------------------------------------------------------------

    /** Sends an event to every logged-in client. */
    public void emit(AmiMessage event) {
        sessions.forEach(session -> session.sendEvent(event));
    }

    public void emit(String eventName, Map<String, String> fields) {
        emit(new AmiMessage().with("Event", eventName).withAll(fields));
    }

    /** Closes every client connection, as a crashing or restarting Asterisk would. */
    public void dropConnections() {
        sessions.forEach(AmiSession::close);
    }

    /** Stops listening and drops every client: connection attempts are refused until {@link #resume()}. */
    public void suspend() {
        ServerSocket current = listener;
        listener = null;
        if (current != null) {
            try {
                current.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        dropConnections();
    }

    /**
     * Listens again on the same port. The port came from the ephemeral range, so while it was free an outgoing
     * connection (such as the client's own reconnect attempt) may hold it for a moment: binding is retried until
     * a deadline rather than failing the test by chance.
     */
    public void resume() throws IOException {
        long deadline = System.nanoTime() + REBIND_DEADLINE.toNanos();
        while (listener == null && !closed) {
            try {
                listen(port);
            } catch (BindException taken) {
                if (System.nanoTime() > deadline) {
                    throw taken;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for port " + port, e);
                }
            }
        }
    }

    /** Refuses connections for a while, then listens again on the same port. */
    public void refuseConnectionsFor(Duration duration) {
        suspend();
        Thread resumer = new Thread(() -> {
            try {
                Thread.sleep(duration.toMillis());
                resume();
            } catch (InterruptedException | IOException e) {
                Thread.currentThread().interrupt();
            }
        }, "fake-ami-resume");
        resumer.setDaemon(true);
        resumer.start();
    }

    @Override
    public void close() {
        closed = true;
        suspend();
    }

    // ---- internals -------------------------------------------------------------------------------------

    private void listen(int requestedPort) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort));
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        port = socket.getLocalPort();
        listener = socket;
        Thread acceptor = new Thread(() -> accept(socket), "fake-ami-accept-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                client.setTcpNoDelay(true);
                AmiSession session = new AmiSession(this, client);
                sessions.add(session);
                Thread reader = new Thread(session, "fake-ami-session-" + client.getPort());
                reader.setDaemon(true);
                reader.start();
            } catch (SocketException stopped) {
                return;
            } catch (IOException e) {
                // a failed accept does not stop the server
            }
        }
    }

    void record(AmiMessage action) {
        actions.add(action);
        synchronized (changes) {
            changes.notifyAll();
        }
    }

    void loggedIn() {
        synchronized (changes) {
            logins++;
            changes.notifyAll();
        }
    }

    void closed(AmiSession session) {
        sessions.remove(session);
    }

    List<AmiMessage> respond(AmiMessage action) {
        ActionHandler script = scripts.get(action.action().toLowerCase(Locale.ROOT));
        return script != null ? script.handle(action) : pbx.handle(action);
    }

    private void await(BooleanSupplier condition, Duration timeout, String failure)
            throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (changes) {
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException(failure + " within " + timeout);
                }
                changes.wait(Math.max(1, left / 1_000_000));
            }
        }
    }
}
