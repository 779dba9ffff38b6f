package org.dialplane.responsepaths.api;

/**
 * A variable a response path reads from the caller's DTMF.
 *
 * @param id        the id the system gave it (the {@code TypeId} of its {@code VARIABLE} steps); {@code null} in a
 *                  change for a new variable, or the id of the path's variable it keeps (same id, new settings)
 * @param name      its name, e.g. {@code ClientID}: the element GETLAST's XML answer names it by
 * @param maxDigits the most digits read ({@code null}: up to {@link #DEFAULT_MAX_DIGITS}, ended by {@code #})
 */
public record Variable(Long id, String name, Integer maxDigits) {
    /** Read() reads until {@code #} or a timeout when no limit is given; this is the limit then written. */
    public static final int DEFAULT_MAX_DIGITS = 20;
}
