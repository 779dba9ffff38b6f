package org.dialplane.extensions.api;

import org.dialplane.core.crud.CrudService;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The extensions of IssabelPBX (its users, devices and sip rows, and their AstDB keys), as
 * {@code /pbxapi/extensions} serves them, with the rules of {@link CrudService}. Specific to extensions: a
 * read-only caller is not shown {@code secret}; {@code save} refuses a change of {@code tech} (422); a delete
 * removes the extensions' mailboxes from voicemail.conf too.
 */
@ProviderType
public interface ExtensionService extends CrudService<ExtensionChange> {
}
