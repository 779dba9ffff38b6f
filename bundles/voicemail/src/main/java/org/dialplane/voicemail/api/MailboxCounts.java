package org.dialplane.voicemail.api;

/**
 * How many messages a mailbox has, counted as app_voicemail counts them (its {@code msgNNNN.txt} files).
 *
 * @param mailbox the mailbox number
 * @param context its voicemail.conf section
 * @param fresh   messages in {@code INBOX} (unheard), answered as {@code new}
 *                (a Java name cannot be {@code new})
 * @param old     messages in {@code Old}
 * @param urgent  messages in {@code Urgent}
 */
public record MailboxCounts(String mailbox, String context,
        int fresh, int old, int urgent) {
}
