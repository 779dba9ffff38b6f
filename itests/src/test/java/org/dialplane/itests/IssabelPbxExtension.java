package org.dialplane.itests;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What IssabelPBX itself writes for a SIP extension added on its Extensions page ("extensions" mode) with the
 * form's defaults, read from the source of the version in the 2018 dump (core 2.11.0.47; IssabelFoundation/issabelPBX
 * at 13ade7d7, September 2018): {@code core_users_add}, {@code core_devices_add} and {@code core_devices_addsip} in
 * {@code core/functions.inc.php}, and the extension hooks of the modules the dump has installed: languages
 * ({@code AMPUSER/<n>/language}), queues ({@code queues/qnostate}), callwaiting ({@code CW/<n>}, ENABLECW=1),
 * dictate (off by default: no keys), Follow Me (FOLLOWME_AUTO_CREATE=0: no row), voicemail (VmX off: no keys).
 * The device defaults are the dump's {@code issabelpbx_settings} (DEVICE_SIP_NAT=no, DEVICE_QUALIFY=yes,
 * DEVICE_SIP_QUALIFYFREQ=60, DEVICE_ALLOW and DEVICE_DISALLOW empty, ...), the version-dependent sip keywords those
 * of its Asterisk (ASTVERSION 13.22.0). The dump itself holds no extension, so its rows cannot be copied.
 *
 * <p>AstDB values are as Asterisk stores them: core passes several quoted ({@code "\"novm\""}) to the CLI's
 * {@code database put}, whose argument parser drops the quotes.
 */
final class IssabelPbxExtension {
    private IssabelPbxExtension() {
    }

    /** The {@code users} row, every column; {@code mohclass} is the table's default, which core does not set. */
    static Map<String, String> users(String number, String name, String voicemail, int ringtimer) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("extension", number);
        row.put("password", "");
        row.put("name", name);
        row.put("voicemail", voicemail);
        row.put("ringtimer", Integer.toString(ringtimer));
        row.put("noanswer", "");
        row.put("recording", "");
        row.put("outboundcid", "");
        row.put("sipname", "");
        row.put("mohclass", "default");
        row.put("noanswer_cid", "");
        row.put("busy_cid", "");
        row.put("chanunavail_cid", "");
        row.put("noanswer_dest", "");
        row.put("busy_dest", "");
        row.put("chanunavail_dest", "");
        return row;
    }

    /** The {@code devices} row: a fixed device of the same number, named as the user. */
    static Map<String, String> devices(String number, String name) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("id", number);
        row.put("tech", "sip");
        row.put("dial", "SIP/" + number);
        row.put("devicetype", "fixed");
        row.put("user", number);
        row.put("description", name);
        row.put("emergency_cid", "");
        return row;
    }

    /**
     * The {@code sip} rows, keyword -> data, in the order of the form's fields (core numbers the flags from 2 in
     * that order). Empty dtlscertfile, dtlsprivatekey and vmexten are left out by core; {@code callerid} says
     * "device" because the Extensions page sends {@code name}, not the {@code description} core_devices_addsip reads.
     */
    static Map<String, String> sip(String number, String secret) {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("secret", secret);
        rows.put("dtmfmode", "rfc2833");
        rows.put("canreinvite", "no");
        rows.put("context", "from-internal");
        rows.put("host", "dynamic");
        rows.put("trustrpid", "yes");
        rows.put("sendrpid", "no");
        rows.put("type", "friend");
        rows.put("nat", "no");
        rows.put("port", "5060");
        rows.put("qualify", "yes");
        rows.put("qualifyfreq", "60");
        rows.put("transport", "udp");
        rows.put("avpf", "no");
        rows.put("force_avp", "no");
        rows.put("icesupport", "no");
        rows.put("dtlsenable", "no");
        rows.put("dtlsverify", "no");
        rows.put("dtlssetup", "actpass");
        rows.put("rtcp_mux", "no");
        rows.put("encryption", "no");
        rows.put("callgroup", "");
        rows.put("pickupgroup", "");
        rows.put("disallow", "");
        rows.put("allow", "");
        rows.put("dial", "SIP/" + number);
        rows.put("accountcode", "");
        rows.put("mailbox", number + "@device");
        rows.put("deny", "0.0.0.0/0.0.0.0");
        rows.put("permit", "0.0.0.0/0.0.0.0");
        rows.put("account", number);
        rows.put("callerid", "device <" + number + ">");
        return rows;
    }

    /**
     * The AstDB keys of the extension, family/key -> value: AMPUSER/&lt;n&gt;/... and CW/&lt;n&gt; from core_users_add
     * and the module hooks, DEVICE/&lt;n&gt;/... and AMPUSER/&lt;n&gt;/device from core_devices_add.
     *
     * @param recording the four recording_* settings (in_internal, in_external, out_internal, out_external)
     */
    static Map<String, String> astDb(String number, String name, String voicemail, int ringtimer,
            Map<String, String> recording) {
        String user = "AMPUSER/" + number + "/";
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put(user + "password", "");
        keys.put(user + "ringtimer", Integer.toString(ringtimer));
        keys.put(user + "cfringtimer", "0");
        keys.put(user + "concurrency_limit", "0");
        keys.put(user + "noanswer", "");
        keys.put(user + "recording", "");
        keys.put(user + "outboundcid", "");
        keys.put(user + "cidname", name);
        keys.put(user + "cidnum", number);
        keys.put(user + "voicemail", voicemail);
        keys.put(user + "answermode", "disabled");
        keys.put(user + "recording/in/external", recording.getOrDefault("recording_in_external", "dontcare"));
        keys.put(user + "recording/out/external", recording.getOrDefault("recording_out_external", "dontcare"));
        keys.put(user + "recording/in/internal", recording.getOrDefault("recording_in_internal", "dontcare"));
        keys.put(user + "recording/out/internal", recording.getOrDefault("recording_out_internal", "dontcare"));
        keys.put(user + "recording/ondemand", "disabled");
        keys.put(user + "recording/priority", "10");
        keys.put(user + "device", number);
        keys.put(user + "language", "");
        keys.put(user + "queues/qnostate", "usestate");
        keys.put("CW/" + number, "ENABLED");
        keys.put("DEVICE/" + number + "/user", number);
        keys.put("DEVICE/" + number + "/dial", "SIP/" + number);
        keys.put("DEVICE/" + number + "/type", "fixed");
        keys.put("DEVICE/" + number + "/default_user", number);
        return keys;
    }

    /**
     * IssabelPBX's sip rows with the differences Dialplane makes on purpose, each as Issabel's own REST API
     * (pbxapi's extensions controller, 2018) writes it, which is the behaviour Dialplane reproduces:
     * <ul>
     * <li>{@code nat=yes}: core writes the DEVICE_SIP_NAT setting ("no" in the dump); pbxapi writes "yes", and an
     * extension created through Dialplane is the one Issabel's API would have created;</li>
     * <li>no {@code force_avp} and no {@code rtcp_mux} rows: core writes both as "no" on Asterisk 11+/13+, which are
     * chan_sip's own defaults, so the peer sip_additional.conf describes is the same; pbxapi leaves them out.</li>
     * </ul>
     */
    static Map<String, String> sipAsDialplaneWritesIt(String number, String secret) {
        Map<String, String> rows = sip(number, secret);
        rows.put("nat", "yes");
        rows.remove("force_avp");
        rows.remove("rtcp_mux");
        return rows;
    }
}
