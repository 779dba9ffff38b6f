package org.dialplane.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.Collections;
import java.util.Optional;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.Test;
import org.ops4j.pax.exam.Option;

/**
 * HTTPS on its own port with a PEM certificate and key as an ACME client writes them, plain HTTP from other hosts
 * redirected to it, loopback HTTP served as is, and token answers that no cache may keep.
 */
public class TlsIT extends DialplaneTestSupport {
    private static final String PASSWORD = "changeit";

    @Override
    protected Option options() {
        try {
            return tlsOptions();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Option tlsOptions() throws IOException {
        Path tls = Path.of(System.getProperty("dialplane.test.work")).resolve("TlsIT-tls").toAbsolutePath();
        Files.createDirectories(tls);
        Path keystore = tls.resolve("server.p12");
        Files.deleteIfExists(keystore);
        run(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair", "-alias", "dialplane",
                "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost", "-validity", "2",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD);
        writePem(keystore, tls.resolve("fullchain.pem"), tls.resolve("privkey.pem"));
        return composite(Logins.adminPassword(), database("TlsIT"),
                frameworkProperty("dialplane.https.port").value(Integer.toString(freePort())),
                frameworkProperty("dialplane.tls.certificate").value(tls.resolve("fullchain.pem").toString()),
                frameworkProperty("dialplane.tls.key").value(tls.resolve("privkey.pem").toString()),
                frameworkProperty("dialplane.http.redirect").value("true"),
                frameworkProperty("it.tls.keystore").value(keystore.toString()));
    }

    @Test
    public void whenHttpsAsked_thenServedWithTheConfiguredCertificate() throws Exception {
        await("HTTPS answers", () -> httpsStatus("/pbxapi/system/health") == 200);
        HttpsURLConnection https = https("/pbxapi/system/health");
        assertEquals(200, https.getResponseCode());
        Certificate served = https.getServerCertificates()[0];
        assertArrayEquals(ourCertificate().getEncoded(), served.getEncoded());
    }

    @Test
    public void whenTokensIssued_thenNoCacheMayKeepThem() throws Exception {
        await("HTTPS answers", () -> httpsStatus("/pbxapi/system/health") == 200);
        HttpsURLConnection login = https("/pbxapi/authenticate");
        login.setRequestMethod("POST");
        login.setDoOutput(true);
        login.setRequestProperty("Content-Type", "application/json");
        try (OutputStream out = login.getOutputStream()) {
            out.write(("{\"user\":\"admin\",\"password\":\"" + Logins.ADMIN_PASSWORD + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(200, login.getResponseCode());
        assertEquals("no-store", login.getHeaderField("Cache-Control"));
        assertEquals("no-cache", login.getHeaderField("Pragma"));
        try (InputStream in = login.getInputStream()) {
            assertTrue(new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("access_token"));
        }
    }

    @Test
    public void whenPlainHttpFromAnotherHost_thenRedirectedToHttpsAndLoopbackServed() throws Exception {
        assertEquals("loopback is served over plain HTTP", 200, http.get("/pbxapi/system/health").status());
        Optional<InetAddress> external = externalAddress();
        assumeTrue("no non-loopback IPv4 address on this machine to connect from", external.isPresent());
        String host = external.get().getHostAddress();
        HttpURLConnection plain = (HttpURLConnection) new URL("http://" + host + ":" + port()
                + "/pbxapi/authenticate?x=1").openConnection();
        plain.setInstanceFollowRedirects(false);
        plain.setRequestMethod("POST");
        assertEquals(308, plain.getResponseCode());
        assertEquals("https://" + host + ":" + context.getProperty("dialplane.https.port") + "/pbxapi/authenticate?x=1",
                plain.getHeaderField("Location"));
    }

    private HttpsURLConnection https(String path) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("dialplane", ourCertificate());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, trust.getTrustManagers(), null);
        HttpsURLConnection connection = (HttpsURLConnection) new URL("https://localhost:"
                + context.getProperty("dialplane.https.port") + path).openConnection();
        connection.setSSLSocketFactory(ssl.getSocketFactory());
        connection.setConnectTimeout(2_000);
        connection.setReadTimeout(5_000);
        return connection;
    }

    private int httpsStatus(String path) {
        try {
            return https(path).getResponseCode();
        } catch (Exception notYet) {
            return -1;
        }
    }

    private Certificate ourCertificate() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(context.getProperty("it.tls.keystore")))) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store.getCertificate("dialplane");
    }

    private static Optional<InetAddress> externalAddress() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                    return Optional.of(address);
                }
            }
        }
        return Optional.empty();
    }

    /** The chain and the PKCS#8 key of the keystore, as PEM files (what certbot writes). */
    private static void writePem(Path keystore, Path chain, Path key) throws IOException {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            Files.writeString(chain, pem("CERTIFICATE", store.getCertificate("dialplane").getEncoded()));
            Files.writeString(key, pem("PRIVATE KEY", store.getKey("dialplane", PASSWORD.toCharArray()).getEncoded()));
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static void run(String... command) throws IOException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
