package org.dialplane.responsepaths.api;

import java.time.Instant;

/**
 * One recorded step of a run, a line of GETLAST's pipe answer.
 *
 * @param type      {@code START}, {@code CALLERID}, {@code VARIABLE}, {@code VOICEFILE}, {@code QUEUE},
 *                  {@code ANSWER} or {@code HANGUP}
 * @param typeId    the variable's id (VARIABLE), the voice file's id (VOICEFILE), the queue's number (QUEUE);
 *                  {@code 0} for the others
 * @param value     START: when it started ({@code yyyy-MM-dd HH:mm:ss}); CALLERID: {@code Name <number>};
 *                  VARIABLE: the digits; VOICEFILE: the file's name; ANSWER: the agent as
 *                  {@code <extension>-<TENANT>}; empty for the others
 * @param typeName  the variable's name (VARIABLE), the queue's name (QUEUE); empty for the others
 * @param valueName the answering agent's name (ANSWER); empty for the others
 * @param time      when it was recorded
 */
public record Step(String type, String typeId, String value, String typeName, String valueName, Instant time) {
    public static final String START = "START";
    public static final String CALLERID = "CALLERID";
    public static final String VARIABLE = "VARIABLE";
    public static final String VOICEFILE = "VOICEFILE";
    public static final String QUEUE = "QUEUE";
    public static final String ANSWER = "ANSWER";
    public static final String HANGUP = "HANGUP";
}
