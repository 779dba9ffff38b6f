package org.dialplane.mirta;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every request of MiRTA's proxyapi (seed 004) that this facade knows, and which Dialplane bundle provides it: what
 * tells a request for a reqtype whose provider is not running (503) from one this installation does not serve yet
 * (501) and from one MiRTA does not have at all (400). The handlers themselves are the {@link Reqtype} components.
 */
final class Catalog {
    /**
     * A known request: {@code value} of the reqtype's selector (empty without one), the bundle that provides it, and
     * whether this bundle has its handler yet.
     */
    record Known(String reqtype, String value, String provider, boolean handled) {
        String name() {
            return value.isEmpty() ? reqtype : reqtype + " " + value;
        }
    }

    /** The parameter that picks the handler, for the reqtypes that have several. */
    private static final Map<String, String> SELECTORS = Map.of("INFO", "info", "MANAGEDB", "object");

    /**
     * A reqtype served by two bundles, told apart by whether a parameter is sent: MEDIAFILE GETAUDIO with
     * {@code objectid} is a response path's voice file (the seed's {@code id=19&objectid=3619}, the path and the
     * VoiceFile GETLAST shows), without it the media file {@code id}.
     */
    private record Form(String parameter, String value) {
    }

    private static final Map<String, Form> FORMS = Map.of("MEDIAFILE", new Form("objectid", "VOICEFILE"));

    /**
     * The HELP lines of a reqtype with a selector, written once above the lines of each of its handlers (which
     * come from different bundles' services, so each handler gives only its own).
     */
    private static final Map<String, String> HEADERS = Map.of(
            "INFO", """
                    INFO         - Get info about system
                                   Additional parameters:
                                   info - type of info:
                    """,
            "MANAGEDB", """
                    MANAGEDB     - Manage data in database
                                   Additional parameters:
                                   object - object name to manage (any case, singular or plural), with its actions:
                    """,
            "MEDIAFILE", """
                    MEDIAFILE    - Get the audio of a media file or of a response path's voice file
                                   Additional parameters:
                                   tenant - name of the tenant
                                   action - GETAUDIO
                    """);

    private static final List<Known> KNOWN = List.of(
            new Known("DIAL", "", "the calls bundle (org.dialplane.calls)", true),
            new Known("COUNTCALLS", "", "the calls bundle (org.dialplane.calls)", true),
            new Known("INFO", "RECORDING", "the calls bundle (org.dialplane.calls)", true),
            new Known("INFO", "CDRS", "the CDR bundle (org.dialplane.cdr)", true),
            new Known("INFO", "QUEUELOGS", "the CDR bundle (org.dialplane.cdr)", true),
            new Known("AGENT", "", "the agents bundle (org.dialplane.agents)", true),
            new Known("VOICEMAIL", "", "the voicemail bundle (org.dialplane.voicemail)", true),
            new Known("MEDIAFILE", "", "the media bundle (org.dialplane.media)", true),
            new Known("MEDIAFILE", "VOICEFILE", "the response paths bundle (org.dialplane.responsepaths)", true),
            new Known("RESPONSEPATH", "", "the response paths bundle (org.dialplane.responsepaths)", true),
            new Known("MANAGEDB", "TENANT", "core (org.dialplane.core)", true),
            new Known("MANAGEDB", "CUSTOMTYPE", "the custom destinations bundle (org.dialplane.customdestinations)", true),
            new Known("MANAGEDB", "CUSTOM", "the custom destinations bundle (org.dialplane.customdestinations)", true),
            new Known("MANAGEDB", "PHONE", "the phones bundle (org.dialplane.phones)", true),
            new Known("MANAGEDB", "MEDIAFILE", "the media bundle (org.dialplane.media)", true),
            new Known("MANAGEDB", "HUNTLIST", "the ring groups bundle (org.dialplane.ringgroups)", true));

    private Catalog() {
    }

    /** Whether MiRTA has this reqtype (HELP aside). */
    static boolean isReqtype(String reqtype) {
        return KNOWN.stream().anyMatch(known -> known.reqtype().equals(reqtype));
    }

    /** The selector parameter of the reqtype ({@code info}, {@code object}), if it has one. */
    static Optional<String> selector(String reqtype) {
        return Optional.ofNullable(SELECTORS.get(reqtype));
    }

    /**
     * The selector's value as the catalog names it: upper-case and, for MANAGEDB objects, singular (the seed names
     * them both ways: {@code CUSTOMTYPES}, {@code phone} and {@code phones}).
     */
    static String normalize(String reqtype, String value) {
        String upper = value.trim().toUpperCase(Locale.ROOT);
        if (find(reqtype, upper).isEmpty() && upper.endsWith("S")
                && find(reqtype, upper.substring(0, upper.length() - 1)).isPresent()) {
            return upper.substring(0, upper.length() - 1);
        }
        return upper;
    }

    /** For a reqtype of two {@link Form}s, the handler's value the request picks; empty for the others. */
    static String form(String reqtype, ProxyRequest request) {
        Form form = FORMS.get(reqtype);
        return form != null && request.get(form.parameter()) != null ? form.value() : "";
    }

    static Optional<Known> find(String reqtype, String value) {
        return KNOWN.stream().filter(known -> known.reqtype().equals(reqtype) && known.value().equals(value))
                .findFirst();
    }

    /** The known values of a reqtype's selector, for the message of an unknown one. */
    static List<String> values(String reqtype) {
        return KNOWN.stream().filter(known -> known.reqtype().equals(reqtype)).map(Known::value).toList();
    }

    /** The HELP lines above the handlers of a reqtype with a selector; empty for the others. */
    static String header(String reqtype) {
        return HEADERS.getOrDefault(reqtype, "");
    }

    /** The order HELP lists reqtypes in. */
    static int order(Reqtype handler) {
        for (int i = 0; i < KNOWN.size(); i++) {
            if (KNOWN.get(i).reqtype().equals(handler.reqtype()) && KNOWN.get(i).value().equals(handler.selected())) {
                return i;
            }
        }
        return KNOWN.size();
    }
}
