package org.dialplane.voicemail;

import java.time.Duration;

import org.dialplane.core.ami.Ami;
import org.dialplane.core.ami.AmiAction;
import org.dialplane.core.asterisk.Mailbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells Asterisk a mailbox's folders changed, so that phones' message-waiting lights follow: AMI
 * {@code VoicemailRefresh} (Asterisk 12 and later; it recounts the mailbox and sends MWI). Best effort and off
 * the request thread: without AMI the change stands, and Asterisk notices it at the mailbox's next use; an
 * Asterisk without the action answers an error, which is logged at debug level. The values come from
 * voicemail.conf and {@link AmiAction} strips CR and LF from them.
 */
final class MailboxRefresh {
    private static final Logger LOG = LoggerFactory.getLogger(MailboxRefresh.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Ami ami;

    MailboxRefresh(Ami ami) {
        this.ami = ami;
    }

    void changed(Mailbox mailbox) {
        if (!ami.isConnected()) {
            return;
        }
        AmiAction action = AmiAction.of("VoicemailRefresh").with("Context", mailbox.context())
                .with("Mailbox", mailbox.number());
        ami.send(action, TIMEOUT).whenComplete((response, error) -> {
            if (error != null || !response.success()) {
                LOG.debug("VoicemailRefresh {}@{} was not done: {}", mailbox.number(), mailbox.context(),
                        error != null ? error.toString() : response.message());
            }
        });
    }
}
