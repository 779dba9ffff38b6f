package org.dialplane.agents.api;

/**
 * One queue membership of an extension after a pause or unpause.
 *
 * @param iface  the member's own interface in that queue, e.g. {@code Local/402@from-queue/n}
 * @param reason the pause reason sent, or null
 */
public record AgentMembership(String extension, String queue, String iface, boolean paused, String reason) {
}
