package org.dialplane.core.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTPS port and its key: a PKCS#12 keystore ({@code dialplane.tls.certificate} ending in {@code .p12} or
 * {@code .pfx}, with {@code dialplane.tls.password}), or PEM files as appliances get them from an ACME client: the
 * certificate chain in {@code dialplane.tls.certificate} and an unencrypted PKCS#8 key ({@code BEGIN PRIVATE KEY})
 * in {@code dialplane.tls.key}.
 */
record TlsSettings(int port, Path certificate, Path key, String password) {
    static final String PORT_PROPERTY = "dialplane.https.port";
    static final String CERTIFICATE_PROPERTY = "dialplane.tls.certificate";
    static final String KEY_PROPERTY = "dialplane.tls.key";
    static final String PASSWORD_PROPERTY = "dialplane.tls.password";
    static final String ALIAS = "dialplane";
    private static final Pattern PEM_KEY = Pattern.compile(
            "-----BEGIN ([A-Z ]*)PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END \\1PRIVATE KEY-----");

    /** From the framework properties; null without an HTTPS port. */
    static TlsSettings from(UnaryOperator<String> properties) {
        String port = blankToNull(properties.apply(PORT_PROPERTY));
        if (port == null) {
            return null;
        }
        String certificate = blankToNull(properties.apply(CERTIFICATE_PROPERTY));
        if (certificate == null) {
            throw new IllegalArgumentException(PORT_PROPERTY + " is set but " + CERTIFICATE_PROPERTY + " is not");
        }
        String key = blankToNull(properties.apply(KEY_PROPERTY));
        String password = properties.apply(PASSWORD_PROPERTY);
        return new TlsSettings(Integer.parseInt(port.trim()), Path.of(certificate), key == null ? null : Path.of(key),
                password == null ? "" : password);
    }

    boolean pkcs12() {
        String name = certificate.getFileName().toString().toLowerCase();
        return name.endsWith(".p12") || name.endsWith(".pfx");
    }

    /** The key and its certificate chain, under {@link #ALIAS}, protected by {@link #password()}. */
    KeyStore keyStore() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        if (pkcs12()) {
            try (InputStream in = Files.newInputStream(certificate)) {
                store.load(in, password.toCharArray());
            }
            return store;
        }
        if (key == null) {
            throw new IllegalArgumentException(certificate + " is PEM: " + KEY_PROPERTY + " must name its private key");
        }
        List<? extends Certificate> chain;
        try (InputStream in = Files.newInputStream(certificate)) {
            chain = List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in));
        }
        if (chain.isEmpty()) {
            throw new IllegalArgumentException(certificate + " holds no certificate");
        }
        store.load(null, null);
        store.setKeyEntry(ALIAS, privateKey(Files.readString(key, StandardCharsets.US_ASCII)), password.toCharArray(),
                chain.toArray(Certificate[]::new));
        return store;
    }

    static PrivateKey privateKey(String pem) throws GeneralSecurityException {
        Matcher m = PEM_KEY.matcher(pem);
        if (!m.find()) {
            throw new IllegalArgumentException("No PEM private key found");
        }
        if (!m.group(1).isEmpty()) { // RSA, EC or ENCRYPTED: not PKCS#8 in the clear
            throw new IllegalArgumentException("The key is a " + m.group(1).trim() + " PEM key; convert it to"
                    + " unencrypted PKCS#8: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key.pk8.pem");
        }
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(m.group(2)));
        GeneralSecurityException last = null;
        for (String algorithm : List.of("RSA", "EC", "Ed25519", "Ed448")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw new GeneralSecurityException("Not an RSA, EC or EdDSA PKCS#8 key", last);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    public String toString() { // never the password
        return "TlsSettings[port=" + port + ", certificate=" + certificate + ", key=" + key + "]";
    }
}
