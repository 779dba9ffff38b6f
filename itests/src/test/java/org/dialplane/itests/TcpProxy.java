package org.dialplane.itests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP forwarder that a test opens and closes, to take a server away from the product and give it back: closed,
 * its port refuses connections and every forwarded connection is cut, as when a database server goes down.
 */
final class TcpProxy {
    private final int port;
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private ServerSocket listener; // guarded by this

    TcpProxy(int port, String targetHost, int targetPort) {
        this.port = port;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    synchronized void open() throws IOException {
        if (listener != null) {
            return;
        }
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        listener = socket;
        Thread acceptor = new Thread(() -> accept(socket), "tcp-proxy-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    synchronized void close() throws IOException {
        if (listener != null) {
            listener.close();
            listener = null;
        }
        for (Socket socket : sockets) {
            socket.close();
        }
        sockets.clear();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException closed) {
                continue; // by close()
            }
            Socket server;
            try {
                server = new Socket(targetHost, targetPort);
            } catch (IOException refused) {
                closeQuietly(client); // the client sees its connection end
                continue;
            }
            if (register(socket, client, server)) {
                pump(client, server);
                pump(server, client);
            } else {
                closeQuietly(client);
                closeQuietly(server);
            }
        }
    }

    /**
     * Keeps a forwarded connection for {@link #close()} to cut, unless the proxy was closed since it was accepted: a
     * connection accepted just before close() and registered just after it forwarded all through the "outage"
     * (DatabaseOutageIT then saw no request fail).
     */
    private synchronized boolean register(ServerSocket acceptedBy, Socket client, Socket server) {
        if (listener != acceptedBy) {
            return false;
        }
        sockets.add(client);
        sockets.add(server);
        return true;
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException cut) {
                // one side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tcp-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
        sockets.remove(socket);
    }
}
