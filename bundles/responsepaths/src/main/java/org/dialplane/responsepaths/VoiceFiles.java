package org.dialplane.responsepaths;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The voice messages Asterisk records for response paths, under {@code <spool>/responsepaths/<path id>/}. A file
 * is found by matching the name a run recorded against what the path's folder holds, never by joining that name
 * into a path, and it must still be inside the root once links are resolved.
 */
final class VoiceFiles {
    private VoiceFiles() {
    }

    /** The file {@code name} of the path's folder, when it is there and inside {@code root}. */
    static Optional<Path> find(Path root, long pathId, String name) {
        Path folder = root.resolve(Long.toString(pathId));
        if (name == null || name.isEmpty() || !Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            Optional<Path> listed = files.filter(file -> file.getFileName().toString().equals(name)).findFirst();
            if (listed.isEmpty()) {
                return Optional.empty();
            }
            Path real = listed.get().toRealPath();
            return real.startsWith(root.toRealPath()) && Files.isRegularFile(real) ? Optional.of(real)
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Deletes the files of expired runs, found the same way; best effort. */
    static int delete(Path root, long pathId, Iterable<String> names) {
        int deleted = 0;
        for (String name : names) {
            Optional<Path> file = find(root, pathId, name);
            try {
                if (file.isPresent() && Files.deleteIfExists(file.get())) {
                    deleted++;
                }
            } catch (IOException e) {
                // kept: the next purge will not see it again, an operator may remove it
            }
        }
        return deleted;
    }
}
