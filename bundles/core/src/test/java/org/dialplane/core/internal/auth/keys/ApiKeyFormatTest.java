package org.dialplane.core.internal.auth.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class ApiKeyFormatTest {

    @Test
    void whenKeyMinted_thenItParsesBackToItsIdAndSecret() {
        ApiKeyFormat.Minted minted = ApiKeyFormat.mint();

        ApiKeyFormat.Presented presented = ApiKeyFormat.parse(minted.key()).orElseThrow();

        assertEquals(minted.id(), presented.id());
        assertTrue(minted.key().matches("dpk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}"));
        assertTrue(ApiKeyFormat.matches(presented.secret(), minted.secretHash()));
    }

    @Test
    void whenKeysMinted_thenEachIsDifferent() {
        assertNotEquals(ApiKeyFormat.mint().key(), ApiKeyFormat.mint().key());
    }

    @Test
    void whenOnlyTheHashIsStored_thenTheSecretIsNotInIt() {
        ApiKeyFormat.Minted minted = ApiKeyFormat.mint();
        String secret = ApiKeyFormat.parse(minted.key()).orElseThrow().secret();

        assertFalse(minted.secretHash().contains(secret));
        assertEquals(64, minted.secretHash().length());
    }

    @Test
    void whenSecretAltered_thenItDoesNotMatch() {
        ApiKeyFormat.Minted minted = ApiKeyFormat.mint();
        String secret = ApiKeyFormat.parse(minted.key()).orElseThrow().secret();
        String altered = (secret.charAt(0) == 'A' ? 'B' : 'A') + secret.substring(1);

        assertFalse(ApiKeyFormat.matches(altered, minted.secretHash()));
        assertFalse(ApiKeyFormat.matches(secret, null));
    }

    @Test
    void whenTextIsNotAKey_thenItDoesNotParse() {
        assertEquals(Optional.empty(), ApiKeyFormat.parse(null));
        assertEquals(Optional.empty(), ApiKeyFormat.parse("NLbP7GFNVRqu9SD"), "15 characters: too short to import");
        assertEquals(Optional.empty(), ApiKeyFormat.parse("NLbP7GFNVRqu9SD-"));
        assertEquals(Optional.empty(), ApiKeyFormat.parse("dpk_0123456789abcdef_short"));
        assertEquals(Optional.empty(), ApiKeyFormat.parse("dpk_0123456789ABCDEF_" + "a".repeat(43)));
        assertEquals(Optional.empty(), ApiKeyFormat.parse("eyJhbGciOiJIUzI1NiJ9.e30.x"));
    }

    @Test
    void whenBearerCredentialStartsWithThePrefixOrIsAnImportedKey_thenItIsTakenForAKey() {
        assertTrue(ApiKeyFormat.looksLikeKey(ApiKeyFormat.mint().key()));
        assertTrue(ApiKeyFormat.looksLikeKey("NLbP7GFNVRqu9SDm"));
        assertFalse(ApiKeyFormat.looksLikeKey("eyJhbGciOiJIUzI1NiJ9.e30.x"));
    }

    @Test
    void whenKeyImported_thenItParsesToAStableIdAndOnlyItsHashIsKept() {
        ApiKeyFormat.Minted imported = ApiKeyFormat.imported("NLbP7GFNVRqu9SDm");
        ApiKeyFormat.Presented presented = ApiKeyFormat.parse(" NLbP7GFNVRqu9SDm ").orElseThrow();
        assertEquals(imported.id(), presented.id());
        assertTrue(imported.id().matches("[0-9a-f]{16}"), imported.id());
        assertTrue(ApiKeyFormat.matches(presented.secret(), imported.secretHash()));
        assertFalse(imported.secretHash().contains("NLbP7GFNVRqu9SDm"));
        assertFalse(ApiKeyFormat.matches("NLbP7GFNVRqu9SDn", imported.secretHash()));
        assertFalse(imported.id().equals(ApiKeyFormat.imported("NLbP7GFNVRqu9SDn").id()));
    }
}
