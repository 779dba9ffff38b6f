package org.dialplane.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The CPU time a server process has used (user + system, all its threads: request threads, GC, JIT), read from
 * {@code /proc/PID/stat}. Divided by the requests of a measured window it gives the CPU a request costs, which
 * another process on the machine disturbs far less than it disturbs requests per second.
 */
public final class ProcessCpu {
    /** Clock ticks per second of {@code /proc}'s times: USER_HZ, 100 on every Linux architecture we run on. */
    private static final long TICKS_PER_SECOND = 100;

    private final Path stat;

    private ProcessCpu(long pid) {
        this.stat = Path.of("/proc", Long.toString(pid), "stat");
    }

    /** The process's CPU, or null when no pid was given (0) or it is not readable. */
    public static ProcessCpu of(long pid) {
        if (pid <= 0) {
            return null;
        }
        ProcessCpu cpu = new ProcessCpu(pid);
        return cpu.micros() < 0 ? null : cpu;
    }

    /** User + system CPU so far, in microseconds (10 ms resolution), or -1 when the process is gone. */
    public long micros() {
        long ticks = ticks(stat);
        return ticks < 0 ? -1 : ticks * 1_000_000 / TICKS_PER_SECOND;
    }

    /**
     * Seconds of CPU used so far by a process and its descendants alive now (the product: its JVM and the embedded
     * MariaDB it started); NaN without /proc or the process.
     */
    public static double secondsWithDescendants(long pid) {
        if (pid <= 0) {
            return Double.NaN;
        }
        return ProcessHandle.of(pid).map(process -> Stream.concat(Stream.of(process), process.descendants())
                .mapToLong(p -> ticks(Path.of("/proc", Long.toString(p.pid()), "stat")))
                .mapToDouble(t -> t < 0 ? Double.NaN : t).sum() / TICKS_PER_SECOND).orElse(Double.NaN);
    }

    /** utime + stime in clock ticks, or -1 when the process is gone. */
    private static long ticks(Path stat) {
        try {
            String line = Files.readString(stat);
            // The command name (field 2) is in parentheses and may hold spaces: count fields after its end.
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime: fields 14, 15
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
