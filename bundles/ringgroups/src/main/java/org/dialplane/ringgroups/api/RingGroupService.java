package org.dialplane.ringgroups.api;

import org.dialplane.core.crud.CrudService;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The ring groups of IssabelPBX (its {@code ringgroups} rows and their AstDB caller id keys), as
 * {@code /pbxapi/ringgroups} serves them, with the rules of {@link CrudService}. Specific to ring groups: a
 * ring group is created (by {@code create}, or by {@code save} at a free number) only with members,
 * {@code extension_list} (422 without).
 */
@ProviderType
public interface RingGroupService extends CrudService<RingGroupChange> {
}
