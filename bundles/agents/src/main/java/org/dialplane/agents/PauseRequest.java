package org.dialplane.agents;

/** A validated pause or unpause: the queue (null: every queue of the member) and MiRTA's pause reason. */
record PauseRequest(String queue, String reason) {
}
