package org.dialplane.itests;

import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ops4j.pax.exam.Option;
import org.osgi.framework.BundleContext;

/**
 * Databases of a test class's own reached through a {@link TcpProxy}, so that a test can take the database away
 * from the product (every connection cut, new ones refused, as when the server is killed) and give it back. The
 * proxy is opened on first use inside the container; the product retries until then.
 */
final class ProxiedDatabase {
    private static final String PROXY_PORT = "dialplane.test.db.proxy.port";
    private static final String TARGET = "dialplane.test.db.proxy.target";
    /** Seconds a fault lasts and load runs: short in {@code mvn verify}, longer with {@code -Dfaults.seconds=}. */
    static final String FAULT_SECONDS = "faults.seconds";
    private static TcpProxy proxy;

    private ProxiedDatabase() {
    }

    /** Runs in the driver: the database URLs name the proxy's port; also passes {@code faults.seconds} on. */
    static Option options(String testName) {
        SharedDatabase.Server server = SharedDatabase.server();
        String name = SharedDatabase.databaseName(testName, SharedDatabase.external());
        Matcher target = Pattern.compile("//([^:/]+)(?::(\\d+))?").matcher(server.url());
        if (!target.find()) {
            throw new IllegalStateException("Cannot read host and port from " + server.url());
        }
        int port = DialplaneTestSupport.freePort();
        String url = "jdbc:mariadb://127.0.0.1:" + port + "/";
        return composite(frameworkProperty("dialplane.db.url").value(url + name),
                frameworkProperty("dialplane.cdr.db.url").value(url + name + "_cdr"),
                frameworkProperty("dialplane.db.user").value(server.user()),
                frameworkProperty("dialplane.db.password").value(server.password()),
                frameworkProperty(PROXY_PORT).value(Integer.toString(port)),
                frameworkProperty(TARGET).value(target.group(1) + ":"
                        + (target.group(2) == null ? "3306" : target.group(2))),
                frameworkProperty(FAULT_SECONDS).value(System.getProperty(FAULT_SECONDS, "")));
    }

    /** The proxy, open. */
    static synchronized TcpProxy open(BundleContext context) throws java.io.IOException {
        if (proxy == null) {
            String[] target = context.getProperty(TARGET).split(":");
            proxy = new TcpProxy(Integer.parseInt(context.getProperty(PROXY_PORT)), target[0],
                    Integer.parseInt(target[1]));
        }
        proxy.open();
        return proxy;
    }

    /** How long a fault lasts: {@code faults.seconds} when set (the long run), else {@code shortSeconds}. */
    static int faultSeconds(BundleContext context, int shortSeconds) {
        String value = context.getProperty(FAULT_SECONDS);
        return value == null || value.isBlank() ? shortSeconds : Integer.parseInt(value.trim());
    }
}
