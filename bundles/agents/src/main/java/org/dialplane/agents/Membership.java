package org.dialplane.agents;

/**
 * One queue membership of an extension: the queue and the member's own interface there, which is what QueuePause
 * needs ({@code Local/402@from-queue/n} for IssabelPBX's static members, {@code SIP/402} for some dynamic ones).
 */
record Membership(String queue, String iface) {
}
