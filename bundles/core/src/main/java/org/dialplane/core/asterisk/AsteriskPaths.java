package org.dialplane.core.asterisk;

import java.nio.file.Path;
import java.util.Objects;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where Asterisk keeps the files Dialplane reads and writes. Core registers it from the configuration
 * {@code org.dialplane.asterisk} ({@code spool}, {@code etc}, {@code sounds}), overridden by the launcher's
 * settings (DIALPLANE_ASTERISK_SPOOL, DIALPLANE_ASTERISK_ETC, DIALPLANE_SOUNDS_DIR or their keys in
 * {@code etc/dialplane.cfg}). The service follows configuration changes while running: ask it again for every
 * request instead of keeping a path.
 */
@ProviderType
public interface AsteriskPaths {
    /** The spool root, {@code /var/spool/asterisk}: {@code voicemail/}, {@code monitor/}. */
    Path spool();

    /** Asterisk's configuration directory, {@code /etc/asterisk}, where IssabelPBX writes voicemail.conf. */
    Path etc();

    /** The sounds root, {@code /var/lib/asterisk/sounds}, home of system recordings and media files. */
    Path sounds();

    /** Call recordings: {@code <spool>/monitor}. */
    default Path monitor() {
        return spool().resolve("monitor");
    }

    /** Voicemail messages: {@code <spool>/voicemail/<context>/<mailbox>/INBOX/...}. */
    default Path voicemail() {
        return spool().resolve("voicemail");
    }

    /** {@code <etc>/voicemail.conf}. */
    default Path voicemailConf() {
        return etc().resolve("voicemail.conf");
    }

    /** Dialplane's dialplan: {@code <etc>/extensions_dialplane.conf} (see {@link DialplanFile}). */
    default Path dialplan() {
        return etc().resolve(DialplanFile.FILE_NAME);
    }

    /** Fixed paths, for tests and tools outside the container. */
    static AsteriskPaths of(Path spool, Path etc, Path sounds) {
        Objects.requireNonNull(spool, "spool");
        Objects.requireNonNull(etc, "etc");
        Objects.requireNonNull(sounds, "sounds");
        return new AsteriskPaths() {
            @Override
            public Path spool() {
                return spool;
            }

            @Override
            public Path etc() {
                return etc;
            }

            @Override
            public Path sounds() {
                return sounds;
            }

            @Override
            public String toString() {
                return "AsteriskPaths[spool=" + spool + ", etc=" + etc + ", sounds=" + sounds + "]";
            }
        };
    }
}
