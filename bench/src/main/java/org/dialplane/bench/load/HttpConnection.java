package org.dialplane.bench.load;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection over a plain socket. A load generator on the same two cores as the server
 * must cost as little as possible, and the number of connections must be exactly the number asked for, which
 * a general client's pool does not promise. Handles Content-Length, chunked bodies and {@code Connection:
 * close}; reconnects on the next exchange after the server closed.
 */
public final class HttpConnection implements Closeable {
    private static final int CONNECT_TIMEOUT_MILLIS = 2_000;
    private static final int READ_TIMEOUT_MILLIS = 30_000;

    private final InetSocketAddress address;
    private final byte[] buffer = new byte[16 * 1024];
    private int position;
    private int limit;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    /** Status and, when asked for, body of a response. */
    public record Response(int status, byte[] body) {
        public String text() {
            return body == null ? "" : new String(body, StandardCharsets.UTF_8);
        }
    }

    public HttpConnection(String host, int port) {
        this.address = new InetSocketAddress(host, port);
    }

    /** Sends a request and reads its response; the body is kept only when {@code keepBody}. */
    public Response exchange(byte[] request, boolean keepBody) throws IOException {
        if (socket == null) {
            connect();
        }
        try {
            out.write(request);
            out.flush();
            return readResponse(keepBody);
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void connect() throws IOException {
        Socket fresh = new Socket();
        fresh.setTcpNoDelay(true);
        fresh.setSoTimeout(READ_TIMEOUT_MILLIS);
        fresh.connect(address, CONNECT_TIMEOUT_MILLIS);
        socket = fresh;
        in = fresh.getInputStream();
        out = fresh.getOutputStream();
        position = 0;
        limit = 0;
    }

    private Response readResponse(boolean keepBody) throws IOException {
        String statusLine = readLine();
        int firstSpace = statusLine.indexOf(' ');
        if (!statusLine.startsWith("HTTP/1.") || firstSpace < 0 || statusLine.length() < firstSpace + 4) {
            throw new IOException("not an HTTP response: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(firstSpace + 1, firstSpace + 4));
        long contentLength = -1;
        boolean chunked = false;
        boolean closeAfter = false;
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> contentLength = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.contains("chunked");
                case "connection" -> closeAfter = value.contains("close");
                default -> { }
            }
        }
        ByteArrayOutputStream body = keepBody ? new ByteArrayOutputStream() : null;
        boolean bodyless = status == 204 || status == 304 || (status >= 100 && status < 200);
        if (bodyless) {
            // nothing to read
        } else if (chunked) {
            readChunked(body);
        } else if (contentLength >= 0) {
            consume(contentLength, body);
        } else {
            consumeUntilClosed(body);
            closeAfter = true;
        }
        if (closeAfter) {
            close();
        }
        return new Response(status, body == null ? null : body.toByteArray());
    }

    private void readChunked(ByteArrayOutputStream body) throws IOException {
        while (true) {
            String sizeLine = readLine();
            int extension = sizeLine.indexOf(';');
            long size = Long.parseLong((extension >= 0 ? sizeLine.substring(0, extension) : sizeLine).strip(), 16);
            if (size == 0) {
                while (!readLine().isEmpty()) {
                    // trailers are not used
                }
                return;
            }
            consume(size, body);
            readLine();
        }
    }

    private void consume(long length, ByteArrayOutputStream body) throws IOException {
        long remaining = length;
        while (remaining > 0) {
            if (position == limit && !fill()) {
                throw new EOFException("connection closed inside a body");
            }
            int n = (int) Math.min(remaining, limit - position);
            if (body != null) {
                body.write(buffer, position, n);
            }
            position += n;
            remaining -= n;
        }
    }

    private void consumeUntilClosed(ByteArrayOutputStream body) throws IOException {
        while (position < limit || fill()) {
            if (body != null) {
                body.write(buffer, position, limit - position);
            }
            position = limit;
        }
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            if (position == limit && !fill()) {
                throw new EOFException("connection closed by the server");
            }
            byte b = buffer[position++];
            if (b == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            line.append((char) (b & 0xff));
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing a benchmark connection: nothing left to do
            }
        }
        socket = null;
        in = null;
        out = null;
    }
}
