package org.dialplane.ringgroups.api;

import java.util.List;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.crud.CrudService;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The ring groups of IssabelPBX (its {@code ringgroups} rows and their AstDB caller id keys), as
 * {@code /pbxapi/ringgroups} serves them, with the rules of {@link CrudService}. Specific to ring groups: a
 * ring group is created (by {@code create}, or by {@code save} at a free number) only with members,
 * {@code extension_list} (422 without); its members also read and write as MiRTA's hunt lists tag them.
 */
@ProviderType
public interface RingGroupService extends CrudService<RingGroupChange> {

    /**
     * The members as MiRTA's hunt list {@code getextensions} tags them: {@code EXT-<n>} for a number,
     * {@code CUSTOM-<id>} for an external number {@code <number>#} that a custom destination of the ring group's
     * tenant dials, otherwise the member as IssabelPBX stores it.
     *
     * @throws org.dialplane.core.rest.ApiException 404 when the caller has no such ring group, 503 when an external
     *         number needs the custom destinations bundle and it is away
     * @since 1.1
     */
    List<String> members(String extension, Caller caller);

    /**
     * Replaces the members with MiRTA's {@code setextensions} entries: {@code EXT-<n>} (an extension of the ring
     * group's tenant) and {@code CUSTOM-<id>} (a custom destination of that tenant whose type is an external
     * number, stored as {@code <number>#}), stored in {@code grplist} as IssabelPBX stores it.
     *
     * @param entries the entries as a JSON array gives them (strings; anything else is refused)
     * @throws org.dialplane.core.rest.ApiException 404 when the caller has no such ring group, 422 naming every
     *         entry at fault, 503 for {@code CUSTOM-} entries while the custom destinations bundle is away
     * @since 1.1
     */
    void setMembers(String extension, List<?> entries, boolean apply, Caller caller);
}
