package org.dialplane.responsepaths;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.dialplane.core.asterisk.AsteriskPaths;
import org.dialplane.core.asterisk.DialplanFile;
import org.dialplane.core.notify.AfterCommit;
import org.dialplane.core.pbx.AstDbChanges;

/**
 * The side effects of a committed write: this bundle's section of {@code extensions_dialplane.conf} regenerated
 * whole from the database (so it never drifts from the stored paths), the folders Asterisk records voice messages
 * into, then one apply unless {@code reload=0}.
 */
final class ResponsePathNotifier {
    /** The section's owner in {@code extensions_dialplane.conf}. */
    static final String SECTION = "org.dialplane.responsepaths";
    /** Under the spool: {@code <spool>/responsepaths/<path id>/<Uniqueid>.wav}. */
    static final String VOICE_FOLDER = "responsepaths";

    /** What the generation reads: every path and the sound name of every media id they play. */
    interface Source {
        List<Definition> paths();

        Map<String, String> sounds(List<Definition> paths);
    }

    private final AfterCommit afterCommit;
    private final DialplanFile dialplan;
    private final Supplier<AsteriskPaths> asteriskPaths;
    private final Source source;

    ResponsePathNotifier(AfterCommit afterCommit, DialplanFile dialplan, Supplier<AsteriskPaths> asteriskPaths,
            Source source) {
        this.afterCommit = afterCommit;
        this.dialplan = dialplan;
        this.asteriskPaths = asteriskPaths;
        this.source = source;
    }

    void written(String reason, boolean apply) {
        afterCommit.written("response paths: " + reason, new AstDbChanges(), apply, this::regenerate);
    }

    /** Writes the section from what is stored now; also run at start, so a file lost or edited is put right. */
    void regenerate() {
        List<Definition> paths = source.paths();
        Path voiceRoot = voiceRoot(asteriskPaths.get());
        dialplan.replaceSection(SECTION, PathDialplan.generate(paths, source.sounds(paths), voiceRoot));
        if (Files.isDirectory(voiceRoot.getParent())) {
            for (Definition path : paths) {
                if (path.voicefile()) {
                    try {
                        Files.createDirectories(voiceRoot.resolve(Long.toString(path.id())));
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot create the voice message folder of path " + path.id(),
                                e);
                    }
                }
            }
        }
    }

    static Path voiceRoot(AsteriskPaths paths) {
        return paths.spool().resolve(VOICE_FOLDER);
    }
}
