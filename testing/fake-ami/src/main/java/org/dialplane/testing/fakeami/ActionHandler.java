package org.dialplane.testing.fakeami;

import java.util.List;

/**
 * Scripted behaviour for one action: the messages to send back on the connection that sent it, in order
 * (a response, then any events). An empty list sends nothing, which lets a test provoke a timeout.
 */
@FunctionalInterface
public interface ActionHandler {
    List<AmiMessage> handle(AmiMessage action);
}
