package org.dialplane.core.internal.observe;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The id of one request: the caller's {@value #HEADER} when it is a plausible id, else a new one. It is kept as a
 * request attribute ({@value #ATTRIBUTE}) for whoever answers (problem+json bodies, the access log), sent back in
 * the {@value #HEADER} of every answer and put in the logging MDC ({@value #MDC_KEY}) while the request is served.
 */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    public static final String ATTRIBUTE = "dialplane.requestId";
    public static final String MDC_KEY = "requestId";
    /** The route template the JAX-RS runtime matched, e.g. {@code /pbxapi/extensions/{id}} (never the raw path). */
    public static final String ROUTE_ATTRIBUTE = "dialplane.route";
    /** The name of the authenticated caller (a user or an API key's name; never a credential). */
    public static final String CALLER_ATTRIBUTE = "dialplane.caller";

    static final int MAX_LENGTH = 64;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private RequestIds() {
    }

    /** The offered id when valid, else a new one. */
    public static String accept(String offered) {
        return valid(offered) ? offered : generate();
    }

    /**
     * 1 to {@value #MAX_LENGTH} characters of {@code [A-Za-z0-9._-]}: what proxies and tracing systems send (UUIDs,
     * hex, base64url), and nothing that could forge a log line or a header.
     */
    static boolean valid(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_'
                    || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** 128 random bits as 32 hex digits: unique enough to find a request, and not a secret. */
    static String generate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] id = new char[32];
        long high = random.nextLong();
        long low = random.nextLong();
        for (int i = 0; i < 16; i++) {
            id[i] = HEX[(int) (high >>> (60 - 4 * i)) & 0xf];
            id[16 + i] = HEX[(int) (low >>> (60 - 4 * i)) & 0xf];
        }
        return new String(id);
    }
}
