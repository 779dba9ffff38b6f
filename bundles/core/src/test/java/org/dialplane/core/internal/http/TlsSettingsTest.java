package org.dialplane.core.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TlsSettingsTest {

    @Test
    void whenNoHttpsPort_thenNoTls() {
        assertNull(TlsSettings.from(Map.of("dialplane.tls.certificate", "/x.pem")::get));
    }

    @Test
    void whenPortWithoutCertificate_thenRefusedNamingTheSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TlsSettings.from(Map.of("dialplane.https.port", "8443")::get));
        assertTrue(e.getMessage().contains("dialplane.tls.certificate"), e.getMessage());
    }

    @Test
    void whenKeystoreNamed_thenPkcs12AndThePasswordNeverPrinted() {
        TlsSettings tls = TlsSettings.from(Map.of("dialplane.https.port", "8443", "dialplane.tls.certificate",
                "/etc/tls/server.P12", "dialplane.tls.password", "s3cret")::get);
        assertTrue(tls.pkcs12());
        assertEquals(Path.of("/etc/tls/server.P12"), tls.certificate());
        assertTrue(!tls.toString().contains("s3cret"), tls.toString());
    }

    @Test
    void whenPkcs8PemKeyOfRsaOrEc_thenRead() throws Exception {
        for (String algorithm : new String[] { "RSA", "EC" }) {
            PrivateKey key = KeyPairGenerator.getInstance(algorithm).generateKeyPair().getPrivate();
            PrivateKey read = TlsSettings.privateKey("junk before\n" + pem("PRIVATE KEY", key.getEncoded()));
            assertEquals(algorithm, read.getAlgorithm());
            assertEquals(Base64.getEncoder().encodeToString(key.getEncoded()),
                    Base64.getEncoder().encodeToString(read.getEncoded()));
        }
    }

    @Test
    void whenPkcs1OrEncryptedPemKey_thenRefusedSayingHowToConvert() {
        for (String type : new String[] { "RSA PRIVATE KEY", "EC PRIVATE KEY", "ENCRYPTED PRIVATE KEY" }) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> TlsSettings.privateKey(pem(type, new byte[] { 1, 2, 3 })));
            assertTrue(e.getMessage().contains("openssl pkcs8 -topk8"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> TlsSettings.privateKey("no key here"));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END " + type
                + "-----\n";
    }
}
