package org.dialplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.dialplane.launcher.Container;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

/**
 * 1,000 idle connections and slow-loris clients (headers sent a byte a second, never finished) on the public port,
 * with the ring group load ({@link LoadDriver}) running: other clients are served as fast as before (within a
 * margin for a loaded machine) and not one of their requests fails; Jetty closes the idle connections after its idle
 * timeout ({@link Container#IDLE_TIMEOUT_MILLIS}). {@code -Dfaults.seconds=N}: the flood lasts N seconds,
 * the connections the server closes meanwhile opened again.
 */
public class ConnectionFloodIT extends DialplaneTestSupport {
    private static final int IDLE = 1_000;
    private static final int SLOW_LORIS = 20;
    private static final int PROBES = 40;
    private static final String PROBE = LoadDriver.RING_GROUPS + "?limit=5&fields=extension,name";

    @Override
    protected Option options() {
        return composite(database("ConnectionFloodIT"), Logins.adminPassword(),
                frameworkProperty("dialplane.apply.command").value("/bin/true"),
                frameworkProperty(ProxiedDatabase.FAULT_SECONDS).value(System.getProperty(
                        ProxiedDatabase.FAULT_SECONDS, "")));
    }

    @Test
    public void whenThousandIdleAndSlowLorisConnections_thenOthersServedAsBeforeAndIdleOnesClosed() throws Exception {
        int floodSeconds = ProxiedDatabase.faultSeconds(context, 5);
        Http admin = asAdmin();
        long[] before = latencies(admin);
        List<SocketChannel> idle = new ArrayList<>();
        List<SocketChannel> loris = new ArrayList<>();
        long[] during;
        long opened;
        long reopened;
        LoadDriver load;
        try {
            for (int i = 0; i < IDLE; i++) {
                idle.add(connect());
            }
            for (int i = 0; i < SLOW_LORIS; i++) {
                SocketChannel channel = connect();
                channel.write(ascii("GET /pbxapi/system/health HTTP/1.1\r\nHost: x\r\n"));
                loris.add(channel);
            }
            opened = System.nanoTime();
            reopened = opened;
            load = new LoadDriver(admin, 2, "flood");
            try {
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(floodSeconds);
                for (int second = 0; System.nanoTime() < end; second++) {
                    for (SocketChannel channel : loris) {
                        channel.write(ascii(second % 2 == 0 ? "X" : "-"));
                    }
                    if (replaceClosed(idle) > 0) { // a flood longer than the idle timeout: as an attacker would
                        reopened = System.nanoTime();
                    }
                    Thread.sleep(1_000); // the slow-loris rhythm: a byte a second
                }
                during = latencies(admin);
            } finally {
                load.close();
            }
            if (reopened == opened) {
                assertEquals("idle connections the server kept open through the flood", IDLE, openCount(idle));
            }
            // Counted from when they (or the last of them) opened: Felix's own default (60 s) would fail this.
            long left = Container.IDLE_TIMEOUT_MILLIS + 15_000 - TimeUnit.NANOSECONDS.toMillis(System.nanoTime()
                    - reopened);
            await("the idle connections are closed by the server after its idle timeout",
                    Duration.ofMillis(Math.max(left, 1)), () -> openCount(idle) == 0);
        } finally {
            for (SocketChannel channel : idle) {
                channel.close();
            }
            for (SocketChannel channel : loris) {
                channel.close();
            }
        }
        long closedAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - reopened);
        String figures = String.format("%d idle + %d slow-loris connections for %d s; %d-request probe p50/p90/max"
                + " %d/%d/%d ms before, %d/%d/%d ms during; load %s; idle ones closed by the server within %d ms",
                IDLE, SLOW_LORIS, floodSeconds, PROBES, percentile(before, 50), percentile(before, 90),
                percentile(before, 100), percentile(during, 50), percentile(during, 90), percentile(during, 100),
                load.summary(s -> true), closedAfter);
        System.out.println("ConnectionFloodIT figures: " + figures);
        assertEquals("the load's failures: " + figures, List.of(), load.samples(s -> !s.ok()));
        assertTrue("served within normal latency: " + figures,
                percentile(during, 90) <= 3 * percentile(before, 90) + 500);
    }

    /** Milliseconds of each of {@link #PROBES} list requests in a row, all of which must answer 200. */
    private static long[] latencies(Http admin) {
        long[] millis = new long[PROBES];
        for (int i = 0; i < PROBES; i++) {
            long start = System.nanoTime();
            Http.Response response = admin.get(PROBE);
            millis[i] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(response.toString(), 200, response.status());
        }
        Arrays.sort(millis);
        return millis;
    }

    private static long percentile(long[] sorted, int percent) {
        return sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)];
    }

    private SocketChannel connect() throws IOException {
        SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port()));
        channel.configureBlocking(false);
        return channel;
    }

    /** How many of the connections the server has not closed (a read would not see the end of the stream). */
    private static int openCount(List<SocketChannel> channels) {
        ByteBuffer buffer = ByteBuffer.allocate(256);
        int open = 0;
        for (SocketChannel channel : channels) {
            try {
                buffer.clear();
                if (channel.read(buffer) >= 0) {
                    open++;
                }
            } catch (IOException reset) {
                // closed by the server
            }
        }
        return open;
    }

    /** Opens a new connection for each one the server closed; how many. */
    private int replaceClosed(List<SocketChannel> channels) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(256);
        int replaced = 0;
        for (int i = 0; i < channels.size(); i++) {
            int read;
            try {
                buffer.clear();
                read = channels.get(i).read(buffer);
            } catch (IOException reset) {
                read = -1;
            }
            if (read < 0) {
                channels.get(i).close();
                channels.set(i, connect());
                replaced++;
            }
        }
        return replaced;
    }

    private static ByteBuffer ascii(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
    }
}
