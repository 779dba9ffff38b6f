package org.dialplane.calls.api;

/** MiRTA's COUNTCALLS: live calls (channels sharing a Linkedid are one call) and channels. */
public record CallCount(long calls, long channels) {
}
