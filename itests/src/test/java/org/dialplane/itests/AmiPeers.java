package org.dialplane.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.dialplane.testing.fakeami.FakeAmiServer;

/**
 * The fake AMI peer a test class's container connects to ({@link AmiIT#amiPointingAt}, with {@link AmiIT#fakeAmi}
 * among its options), started once per class on that port with the product's AMI credentials. A class of its own,
 * not a method of {@link DialplaneTestSupport}: a test without the fake AMI bundle must not load this type.
 */
final class AmiPeers {
    private static final Map<Class<?>, FakeAmiServer> STARTED = new ConcurrentHashMap<>();

    private AmiPeers() {
    }

    /** The test class's peer; {@code setup} runs once, right after the start (queue members and the like). */
    static FakeAmiServer of(DialplaneTestSupport test, Consumer<FakeAmiServer> setup) {
        return STARTED.computeIfAbsent(test.getClass(), owner -> {
            try {
                FakeAmiServer server = FakeAmiServer.start("dialplane", "s3cret",
                        Integer.parseInt(test.context.getProperty("dialplane.ami.port")));
                setup.accept(server);
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** {@link #of(DialplaneTestSupport, Consumer)} with nothing to set up. */
    static FakeAmiServer of(DialplaneTestSupport test) {
        return of(test, server -> {
        });
    }
}
