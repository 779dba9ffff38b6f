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
    /**
     * A key imported from another system, as MiRTA's {@code NLbP7GFNVRqu9SDm}: letters and digits, at least 16 (about
     * 95 bits), so that a client switching servers keeps its key. Its id is derived from it (a public value, like the
     * id of a minted key); its row holds only its SHA-256, as for a minted one.
     */
    static final Pattern IMPORTED = Pattern.compile("[A-Za-z0-9]{16,64}");
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

    /** An imported key: its id and the hash kept; the text is the client's own. */
    static Minted imported(String key) {
        return new Minted(importedId(key), key, hash(key));
    }

    static Optional<Presented> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String text = key.trim();
        Matcher matcher = SHAPE.matcher(text);
        if (matcher.matches()) {
            return Optional.of(new Presented(matcher.group(1), matcher.group(2)));
        }
        return IMPORTED.matcher(text).matches() ? Optional.of(new Presented(importedId(text), text)) : Optional.empty();
    }

    /** 16 hex digits from the key's SHA-256, marked apart from minted ids' random bits by what they hash. */
    private static String importedId(String key) {
        return hash("dialplane imported key:" + key).substring(0, 16);
    }

    /** Whether a text looks like an API key rather than a JWT (for {@code Authorization: Bearer}). */
    static boolean looksLikeKey(String credential) {
        // A JWT always has dots; neither kind of key has one.
        return credential != null && (credential.startsWith(PREFIX) || IMPORTED.matcher(credential).matches());
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
