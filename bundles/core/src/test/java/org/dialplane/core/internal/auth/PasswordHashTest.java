package org.dialplane.core.internal.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHashTest {
    /** Few iterations keep the test fast; the production count is checked separately. */
    private final PasswordHash hashes = new PasswordHash(1_000);

    @Test
    void whenPasswordHashed_thenOnlyThatPasswordVerifies() {
        String stored = hashes.hash("s3cret!");

        assertTrue(hashes.verify("s3cret!", stored));
        assertFalse(hashes.verify("s3cret", stored));
        assertFalse(hashes.verify("", stored));
    }

    @Test
    void whenSamePasswordHashedTwice_thenSaltsDiffer() {
        assertNotEquals(hashes.hash("same"), hashes.hash("same"));
    }

    @Test
    void whenHashStored_thenPasswordIsNotInIt() {
        String stored = hashes.hash("visible-password");

        assertFalse(stored.contains("visible-password"));
        assertTrue(stored.startsWith("pbkdf2-sha256$1000$"));
    }

    @Test
    void whenStoredValueMalformed_thenNothingVerifies() {
        assertFalse(hashes.verify("x", null));
        assertFalse(hashes.verify("x", "plain"));
        assertFalse(hashes.verify("x", "pbkdf2-sha256$abc$AAAA$AAAA"));
        assertFalse(hashes.verify("x", "pbkdf2-sha256$1000$!!$AAAA"));
        assertFalse(hashes.verify("x", "md5$1000$AAAA$AAAA"));
    }

    @Test
    void whenIterationsRaised_thenOldHashNeedsRehashButStillVerifies() {
        String old = hashes.hash("pw");
        PasswordHash stronger = new PasswordHash(2_000);

        assertTrue(stronger.needsRehash(old));
        assertTrue(stronger.verify("pw", old));
        assertFalse(stronger.needsRehash(stronger.hash("pw")));
    }

    @Test
    void whenDefaultIterationsUsed_thenTheyFollowOwasp() {
        assertTrue(PasswordHash.DEFAULT_ITERATIONS >= 600_000);
    }

    @Test
    void whenRandomPasswordMade_thenItHasTheLengthAsked() {
        String password = PasswordHash.randomPassword(20);

        assertTrue(password.matches("[A-Za-z2-9]{20}"));
        assertNotEquals(password, PasswordHash.randomPassword(20));
    }
}
