package org.dialplane.bench.bulk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The CPU time (user + system) a process and its descendants have used, from {@code /proc/<pid>/stat}: for the
 * product, its JVM and the embedded MariaDB it started. On a machine other work loads, wall time says little;
 * the CPU a run used does not depend on how long it waited for a core. Linux only; clock ticks of 1/100 s (USER_HZ).
 */
final class ProcessCpu {
    private static final double TICKS_PER_SECOND = 100;

    private ProcessCpu() {
    }

    /** Seconds of CPU used so far by the process and its descendants alive now; NaN without /proc or the process. */
    static double seconds(long pid) {
        if (pid <= 0) {
            return Double.NaN;
        }
        return ProcessHandle.of(pid).map(process -> Stream.concat(Stream.of(process), process.descendants())
                .mapToDouble(p -> ticks(p.pid())).sum() / TICKS_PER_SECOND).orElse(Double.NaN);
    }

    /** utime + stime: fields 14 and 15 of the stat line, counted after the command name, which may hold spaces. */
    private static double ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
