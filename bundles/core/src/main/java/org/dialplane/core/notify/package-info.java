/**
 * What a resource does after a write has committed: push its AstDB changes to Asterisk, write the configuration
 * files it owns, and request an apply. A resource bundle's notifier (e.g. {@code ExtensionNotifier}) says which
 * of these a change needs and hands them to {@link org.dialplane.core.notify.AfterCommit}, which runs them in
 * the order the PBX reads them and keeps a committed write a success when one of them fails.
 */
@Export
@Version("1.0.0")
package org.dialplane.core.notify;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
