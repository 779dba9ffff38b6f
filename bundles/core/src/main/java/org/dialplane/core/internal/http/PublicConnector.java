package org.dialplane.core.internal.http;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.UnaryOperator;

import org.apache.felix.http.jetty.ConnectorFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The connector of the public host and port ({@value #PORT_PROPERTY}, {@value #HOST_PROPERTY}), handed to Felix by
 * {@link ReadinessGate}. It copies the HTTP configuration Felix gave its own connector (header and buffer sizes,
 * strict URI compliance, no Server header, idle timeout, acceptors, selectors), so both behave alike, and limits
 * the connections it holds open ({@link #MAX_CONNECTIONS}).
 * <p>
 * It also makes {@link ProblemErrorHandler} the server's error handler, before the connector accepts anything:
 * the requests Jetty rejects before any servlet runs (an ambiguous path, a bad Host, a header too large) answer
 * problem+json from the first one on. Felix offers no other way to the {@code Server} it builds privately.
 */
final class PublicConnector implements ConnectorFactory {
    static final String PORT_PROPERTY = "dialplane.http.port";
    static final String HOST_PROPERTY = "dialplane.http.host";
    /**
     * Open connections the public port holds at most (idle ones included): past it, Jetty stops accepting until
     * one closes, so a flood of connections cannot take every file descriptor of the process. Jetty holds no
     * thread for a connection that is idle or still sending its headers (a slow-loris client), only a buffer.
     */
    static final int MAX_CONNECTIONS = 4096;
    /** While at {@link #MAX_CONNECTIONS}, idle connections are closed after this long instead of the usual timeout. */
    static final long IDLE_TIMEOUT_AT_LIMIT_MILLIS = 5_000;

    /** Where the API is served. */
    record Address(String host, int port) {
        /** From the framework properties; {@code null} without a port. */
        static Address from(UnaryOperator<String> properties) {
            String port = properties.apply(PORT_PROPERTY);
            if (port == null || port.isBlank()) {
                return null;
            }
            String host = properties.apply(HOST_PROPERTY);
            return new Address(host == null || host.isBlank() ? "0.0.0.0" : host.trim(), Integer.parseInt(port.trim()));
        }

        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    private static final ProblemErrorHandler ERRORS = new ProblemErrorHandler();
    /** The handler each server had before ours; weak, as Felix replaces its server when it restarts Jetty. */
    private static final Map<Server, Request.Handler> REPLACED = new WeakHashMap<>();

    private final Address address;
    private final SslContextFactory.Server tls;

    /** A plain HTTP connector. */
    PublicConnector(Address address) {
        this(address, null);
    }

    /** An HTTPS connector when {@code tls} is given. */
    PublicConnector(Address address, SslContextFactory.Server tls) {
        this.address = address;
        this.tls = tls;
    }

    /**
     * Jetty's TLS for the key store. No SNI host check: the certificate of an appliance often names another host
     * or none (an address), and checking it is the client's part.
     */
    static SslContextFactory.Server tls(TlsSettings settings) throws IOException, GeneralSecurityException {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(settings.keyStore());
        ssl.setKeyStorePassword(settings.password());
        ssl.setSniRequired(false);
        return ssl;
    }

    @Override
    public Connector createConnector(Server server) {
        installErrorHandler(server);
        ServerConnector felix = null;
        for (Connector existing : server.getConnectors()) {
            if (existing instanceof ServerConnector serverConnector
                    && serverConnector.getConnectionFactory(HttpConnectionFactory.class) != null) {
                felix = serverConnector;
                break;
            }
        }
        HttpConnectionFactory http;
        ServerConnector connector;
        if (felix == null) {
            HttpConfiguration config = new HttpConfiguration();
            config.setSendServerVersion(false);
            config.setSendXPoweredBy(false);
            http = new HttpConnectionFactory(config);
            connector = new ServerConnector(server, http);
        } else {
            HttpConnectionFactory felixHttp = felix.getConnectionFactory(HttpConnectionFactory.class);
            http = new HttpConnectionFactory(new HttpConfiguration(felixHttp.getHttpConfiguration()));
            http.setInputBufferSize(felixHttp.getInputBufferSize());
            connector = new ServerConnector(server, felix.getAcceptors(),
                    felix.getSelectorManager().getSelectorCount(), http);
            connector.setIdleTimeout(felix.getIdleTimeout());
            connector.setAcceptQueueSize(felix.getAcceptQueueSize());
        }
        if (tls != null) {
            HttpConfiguration https = http.getHttpConfiguration();
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            secure.setSniHostCheck(false);
            https.addCustomizer(secure);
            connector.setConnectionFactories(List.of(
                    new SslConnectionFactory(tls, http.getProtocol()), http));
        }
        NetworkConnectionLimit limit = new NetworkConnectionLimit(MAX_CONNECTIONS, connector);
        limit.setEndPointIdleTimeout(IDLE_TIMEOUT_AT_LIMIT_MILLIS);
        connector.addBean(limit);
        connector.setHost(address.host());
        connector.setPort(address.port());
        connector.setName(tls == null ? "dialplane-public" : "dialplane-public-https");
        return connector;
    }

    private static void installErrorHandler(Server server) {
        synchronized (REPLACED) {
            Request.Handler current = server.getErrorHandler();
            if (current != ERRORS) {
                REPLACED.put(server, current);
                server.setErrorHandler(ERRORS);
            }
        }
    }

    /** Gives every server its own error handler back, when core stops. */
    static void restoreErrorHandlers() {
        synchronized (REPLACED) {
            REPLACED.forEach((server, previous) -> {
                if (server.getErrorHandler() == ERRORS) {
                    server.setErrorHandler(previous);
                }
            });
            REPLACED.clear();
        }
    }
}
