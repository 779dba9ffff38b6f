package org.dialplane.core.internal.auth.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape of an API key: {@code dpk_<id>_<secret>}. The id (16 hex digits) is public, names the key in
 * {@code /apikeys/<id>} and finds its row; the secret (32 random bytes, Base64url) is stored only as its SHA-256,
 * which is enough for a secret of that entropy (no password stretching needed).
 */
final class ApiKeyFormat {
    static final String PREFIX = "dpk_";
    private static final Pattern SHAPE = Pattern.compile("dpk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A key as presented by a client, split into its parts. */
    record Presented(String id, String secret) {
    }

    /** A newly made key: the full text is shown once, only the hash is kept. */
    record Minted(String id, String key, String secretHash) {
    }

    private ApiKeyFormat() {
    }

    static Minted mint() {
        byte[] id = new byte[8];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        String idText = HexFormat.of().formatHex(id);
        String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new Minted(idText, PREFIX + idText + "_" + secretText, hash(secretText));
    }

    static Optional<Presented> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        Matcher matcher = SHAPE.matcher(key.trim());
        return matcher.matches() ? Optional.of(new Presented(matcher.group(1), matcher.group(2))) : Optional.empty();
    }

    /** Whether a text looks like an API key rather than a JWT (for {@code Authorization: Bearer}). */
    static boolean looksLikeKey(String credential) {
        return credential != null && credential.startsWith(PREFIX);
    }

    static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK has no SHA-256", e);
        }
    }

    /** Compares in constant time, so the response time says nothing about how much of a secret was right. */
    static boolean matches(String secret, String storedHash) {
        return storedHash != null && MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
