package org.dialplane.extensions;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.dialplane.core.pbx.AstDbChanges;
import org.dialplane.extensions.api.ExtensionChange;

/**
 * What IssabelPBX keeps for one extension besides the users and devices rows: the sip keyword rows (in the
 * order and with the flags Issabel's pbxapi writes them, which is the order of sip_additional.conf) and the
 * AstDB keys of its core module.
 */
final class IssabelExtension {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /** A sip table row: keyword, data and flags. */
    record SipRow(String keyword, String data, int flags) {
    }

    private IssabelExtension() {
    }

    /** A new extension: what was not sent gets IssabelPBX's defaults, and a strong random secret. */
    static ExtensionChange withDefaults(ExtensionChange e) {
        Map<String, String> modes = new LinkedHashMap<>();
        ExtensionFields.RECORDING_KEYS.keySet().forEach(field -> modes.put(field, "dontcare"));
        modes.putAll(e.recording());
        return new ExtensionChange(e.extension(), e.name() == null ? "Extension" : e.name(),
                e.secret() == null ? randomSecret() : e.secret(), e.tech() == null ? "sip" : e.tech(),
                e.ringtimer() == null ? 0 : e.ringtimer(), e.voicemail() == null ? "novm" : e.voicemail(), modes);
    }

    /** The dial string IssabelPBX derives from the technology: SIP/1005, PJSIP/1005. */
    static String dial(ExtensionChange e) {
        return e.tech().toUpperCase(Locale.ROOT) + "/" + e.extension();
    }

    static String randomSecret() {
        StringBuilder secret = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            secret.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return secret.toString();
    }

    static List<SipRow> sipRows(ExtensionChange e) {
        String x = e.extension();
        boolean pjsip = "pjsip".equals(e.tech());
        String[][] rows = {
            { "secret", e.secret() }, { "dtmfmode", "rfc2833" }, { "canreinvite", "no" },
            { "context", "from-internal" }, { "host", "dynamic" }, { "trustrpid", "yes" }, { "sendrpid", "no" },
            { "type", "friend" }, { "nat", "yes" }, { "port", "5060" }, { "qualify", "yes" },
            { "qualifyfreq", "60" }, { "transport", "udp" }, { "avpf", "no" }, { "icesupport", "no" },
            { "dtlsenable", "no" }, { "dtlsverify", "no" }, { "dtlssetup", "actpass" }, { "encryption", "no" },
            { "callgroup", "" }, { "pickupgroup", "" }, { "disallow", "" }, { "allow", "" },
            { "dial", dial(e) }, { "accountcode", "" }, { "mailbox", pjsip ? x : x + "@device" },
            { "deny", "0.0.0.0/0.0.0.0" }, { "permit", "0.0.0.0/0.0.0.0" }, { "account", x },
            { "callerid", "device <" + x + ">" } };
        List<SipRow> result = new ArrayList<>(rows.length);
        for (int i = 0; i < rows.length; i++) {
            result.add(new SipRow(rows[i][0], rows[i][1], i + 2));
        }
        return result;
    }

    /** The AstDB keys IssabelPBX's core module writes for a new extension. */
    static AstDbChanges created(ExtensionChange e) {
        String user = e.extension() + "/";
        AstDbChanges changes = new AstDbChanges()
                .put("AMPUSER", user + "password", "")
                .put("AMPUSER", user + "ringtimer", Integer.toString(e.ringtimer()))
                .put("AMPUSER", user + "cfringtimer", "0")
                .put("AMPUSER", user + "concurrency_limit", "0")
                .put("AMPUSER", user + "noanswer", "")
                .put("AMPUSER", user + "recording", "")
                .put("AMPUSER", user + "outboundcid", "")
                .put("AMPUSER", user + "cidname", e.name())
                .put("AMPUSER", user + "cidnum", e.extension())
                .put("AMPUSER", user + "voicemail", e.voicemail())
                .put("AMPUSER", user + "answermode", "disabled")
                .put("AMPUSER", user + "recording/ondemand", "disabled")
                .put("AMPUSER", user + "recording/priority", "10")
                .put("AMPUSER", user + "device", e.extension())
                .put("AMPUSER", user + "language", "")
                .put("AMPUSER", user + "queues/qnostate", "usestate")
                .put("CW", e.extension(), "ENABLED")
                .put("DEVICE", user + "dial", dial(e))
                .put("DEVICE", user + "type", "fixed")
                .put("DEVICE", user + "user", e.extension())
                .put("DEVICE", user + "default_user", e.extension());
        recordingKeys(e, changes);
        return changes;
    }

    /** The AstDB keys of the fields an update sends; nothing else changes. */
    static AstDbChanges updated(ExtensionChange e) {
        String user = e.extension() + "/";
        AstDbChanges changes = new AstDbChanges();
        if (e.name() != null) {
            changes.put("AMPUSER", user + "cidname", e.name());
        }
        if (e.ringtimer() != null) {
            changes.put("AMPUSER", user + "ringtimer", Integer.toString(e.ringtimer()));
        }
        if (e.voicemail() != null) {
            changes.put("AMPUSER", user + "voicemail", e.voicemail());
        }
        recordingKeys(e, changes);
        return changes;
    }

    /** Everything IssabelPBX removes with an extension, call forwarding included. */
    static AstDbChanges deleted(List<String> extensions) {
        AstDbChanges changes = new AstDbChanges();
        for (String x : extensions) {
            changes.deleteTree("AMPUSER", x).deleteTree("DEVICE", x).deleteTree("CW", x).deleteTree("CF", x)
                    .deleteTree("CFB", x).deleteTree("CFU", x);
        }
        return changes;
    }

    private static void recordingKeys(ExtensionChange e, AstDbChanges changes) {
        for (Map.Entry<String, String> mode : e.recording().entrySet()) {
            changes.put("AMPUSER", e.extension() + "/" + ExtensionFields.RECORDING_KEYS.get(mode.getKey()),
                    mode.getValue());
        }
    }
}
