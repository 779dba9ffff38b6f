package org.dialplane.core.asterisk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call recordings under {@link AsteriskPaths#monitor()}, and the one place that decides which file a CDR's
 * {@code recordingfile} names. IssabelPBX and FreePBX 2.11+ store a bare name under the day of the call
 * ({@code monitor/2017/11/04/out-402-...wav}); older systems an absolute path, or a name directly in monitor/.
 * <p>
 * Nothing outside the monitor root is ever served, because the name is not ours: the dialplan builds it from
 * the caller id number, which a caller chooses. A name with a {@code ..} element, an absolute path elsewhere, and a
 * file whose real path (symbolic links resolved) leaves the root are refused with a warning in the log.
 */
public final class MonitorFiles {
    private static final Logger LOG = LoggerFactory.getLogger(MonitorFiles.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    private final AsteriskPaths paths;

    /** The recordings under the monitor folder of {@code paths}, as it is at each look-up. */
    public MonitorFiles(AsteriskPaths paths) {
        this.paths = Objects.requireNonNull(paths, "paths");
    }

    /**
     * The recording a CDR names, when it is a readable file inside the monitor root; its real path.
     *
     * @param recordingfile the CDR's {@code recordingfile}
     * @param calldate      the CDR's {@code calldate}, in the PBX's local time as Asterisk writes it and names the
     *                      day folders; null when unknown
     */
    public Optional<Path> find(String recordingfile, LocalDateTime calldate) {
        if (recordingfile == null || recordingfile.isBlank()) {
            return Optional.empty();
        }
        Path root = paths.monitor().toAbsolutePath().normalize();
        Path named;
        try {
            named = Path.of(recordingfile);
        } catch (InvalidPathException e) {
            return refuse(recordingfile, "is not a file name");
        }
        for (Path element : named) {
            if (element.toString().equals("..")) {
                return refuse(recordingfile, "climbs out of its folder");
            }
        }
        List<Path> candidates = named.isAbsolute() ? List.of(named)
                : calldate == null ? List.of(root.resolve(named))
                : List.of(root.resolve(DAY.format(calldate)).resolve(named),
                        // a recording started after midnight (a queue call answered late) is in the next day's
                        root.resolve(DAY.format(calldate.plusDays(1))).resolve(named), root.resolve(named));
        for (Path candidate : candidates) {
            Path file = candidate.normalize();
            if (!file.startsWith(root) && !file.startsWith(realRoot(root).orElse(root))) {
                return refuse(recordingfile, "is outside " + root);
            }
            if (Files.isRegularFile(file)) {
                return confined(recordingfile, file, root);
            }
        }
        return Optional.empty();
    }

    /** The file, by its real path, when that is still inside the root's real path and readable. */
    private static Optional<Path> confined(String recordingfile, Path file, Path root) {
        try {
            Path real = file.toRealPath();
            Optional<Path> realRoot = realRoot(root);
            if (realRoot.isEmpty() || !real.startsWith(realRoot.get())) {
                return refuse(recordingfile, "leads outside " + root + " through a symbolic link");
            }
            if (!Files.isReadable(real)) {
                LOG.warn("The recording {} is there but not readable by this process: check its permissions", real);
                return Optional.empty();
            }
            return Optional.of(real);
        } catch (IOException e) {
            return Optional.empty(); // gone meanwhile
        }
    }

    /** Where the root really is: a spool on a bigger disk is often a symbolic link. Empty when it is not there. */
    private static Optional<Path> realRoot(Path root) {
        try {
            return Optional.of(root.toRealPath());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> refuse(String recordingfile, String why) {
        LOG.warn("Refused to serve the recording file '{}' of a CDR: it {}", printable(recordingfile), why);
        return Optional.empty();
    }

    /** The name as it may reach the log: it comes from the database, and a line break would forge log lines. */
    private static String printable(String text) {
        return text.replaceAll("\\p{Cntrl}", "?");
    }
}
