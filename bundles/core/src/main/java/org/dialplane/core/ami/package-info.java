/**
 * The Asterisk Manager Interface, owned by core: one connection, actions with timeouts, event subscriptions
 * and the connection state. Every value sent is stripped of CR/LF.
 */
@Export
@Version("1.1.0")
package org.dialplane.core.ami;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
