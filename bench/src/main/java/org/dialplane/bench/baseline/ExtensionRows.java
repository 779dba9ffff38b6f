package org.dialplane.bench.baseline;

import java.util.List;

/**
 * The rows a created extension gets besides {@code users} and {@code devices}, copied from the extensions
 * bundle's {@code IssabelExtension.sipRows} and {@code IssabelExtension.created} for a body of name and
 * voicemail (tech sip, ringtimer 0, the four recording modes "dontcare": {@code ExtensionChange.withDefaults}).
 * Keep them in step with that class, or the create scenario compares different work.
 */
final class ExtensionRows {
    private static final List<String> RECORDING_KEYS = List.of("recording/in/internal", "recording/in/external",
            "recording/out/internal", "recording/out/external");

    private ExtensionRows() {
    }

    /** The 30 sip rows as {keyword, data}; their flags are their position + 2. */
    static String[][] sip(String x, String secret) {
        return new String[][] {
            { "secret", secret }, { "dtmfmode", "rfc2833" }, { "canreinvite", "no" },
            { "context", "from-internal" }, { "host", "dynamic" }, { "trustrpid", "yes" }, { "sendrpid", "no" },
            { "type", "friend" }, { "nat", "yes" }, { "port", "5060" }, { "qualify", "yes" },
            { "qualifyfreq", "60" }, { "transport", "udp" }, { "avpf", "no" }, { "icesupport", "no" },
            { "dtlsenable", "no" }, { "dtlsverify", "no" }, { "dtlssetup", "actpass" }, { "encryption", "no" },
            { "callgroup", "" }, { "pickupgroup", "" }, { "disallow", "" }, { "allow", "" },
            { "dial", "SIP/" + x }, { "accountcode", "" }, { "mailbox", x + "@device" },
            { "deny", "0.0.0.0/0.0.0.0" }, { "permit", "0.0.0.0/0.0.0.0" }, { "account", x },
            { "callerid", "device <" + x + ">" } };
    }

    /** The 25 AstDB keys of a new extension as {family, key, value}, in the order the bundle writes them. */
    static String[][] astdb(String x, String name, String voicemail) {
        String user = x + "/";
        String[][] fixed = {
            { "AMPUSER", user + "password", "" }, { "AMPUSER", user + "ringtimer", "0" },
            { "AMPUSER", user + "cfringtimer", "0" }, { "AMPUSER", user + "concurrency_limit", "0" },
            { "AMPUSER", user + "noanswer", "" }, { "AMPUSER", user + "recording", "" },
            { "AMPUSER", user + "outboundcid", "" }, { "AMPUSER", user + "cidname", name },
            { "AMPUSER", user + "cidnum", x }, { "AMPUSER", user + "voicemail", voicemail },
            { "AMPUSER", user + "answermode", "disabled" }, { "AMPUSER", user + "recording/ondemand", "disabled" },
            { "AMPUSER", user + "recording/priority", "10" }, { "AMPUSER", user + "device", x },
            { "AMPUSER", user + "language", "" }, { "AMPUSER", user + "queues/qnostate", "usestate" },
            { "CW", x, "ENABLED" }, { "DEVICE", user + "dial", "SIP/" + x }, { "DEVICE", user + "type", "fixed" },
            { "DEVICE", user + "user", x }, { "DEVICE", user + "default_user", x } };
        String[][] all = new String[fixed.length + RECORDING_KEYS.size()][];
        System.arraycopy(fixed, 0, all, 0, fixed.length);
        for (int i = 0; i < RECORDING_KEYS.size(); i++) {
            all[fixed.length + i] = new String[] { "AMPUSER", user + RECORDING_KEYS.get(i), "dontcare" };
        }
        return all;
    }
}
