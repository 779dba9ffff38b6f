package org.dialplane.ringgroups.api;

import java.util.List;
import java.util.Map;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.Ids;
import org.dialplane.core.rest.Query;
import org.dialplane.core.rest.Results;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The ring groups of IssabelPBX (its {@code ringgroups} rows and their AstDB caller id keys), as
 * {@code /pbxapi/ringgroups} serves them. Every method acts for {@code caller}: it sees and changes only its
 * tenant's ring groups (another tenant's are absent: a 404), and a read-only caller may not write (403). Errors
 * are {@link ApiException}s, as the REST resource answers them. A write commits in one transaction, then pushes
 * its AstDB keys and, when {@code apply} is true, requests one coalesced apply of the PBX configuration.
 */
@ProviderType
public interface RingGroupService {

    /**
     * A list request from query parameters as {@code GET /pbxapi/ringgroups} takes them: {@code fields}
     * ({@code *} or names), {@code limit}, {@code offset}, {@code order}, {@code direction}, {@code search}.
     *
     * @throws ApiException 400 naming a malformed or unknown parameter value
     */
    Query query(Map<String, List<String>> parameters);

    /**
     * The ring groups matching the query, each a {@code Map} of the query's fields in its order (numbers as
     * numbers, {@code extension_list} as a list), with the total matching when the query asks for a page.
     */
    Results list(Query query, Caller caller);

    /**
     * The ring groups with these numbers, in that order, shown as {@link #list} shows them.
     *
     * @throws ApiException 404 naming the numbers the caller has no ring group at
     */
    Results get(Ids ids, Query query, Caller caller);

    /**
     * A change from field values as a client sends them in a JSON body ({@code "extension_list": ["201"]},
     * {@code "confirm_calls": "on"}); read-only and unknown fields are ignored.
     *
     * @param creating whether the change is for a create, whose required fields ({@code extension_list}) are
     *                 then checked with the rest
     * @throws ApiException 422 listing every field at fault
     */
    RingGroupChange change(Map<String, ?> fields, boolean creating);

    /**
     * Creates a ring group at the change's number, or at the next free one in the caller's range.
     *
     * @return the new ring group's number
     * @throws ApiException 422 without members or for a number outside the caller's range, 409 for a number in
     *                      use
     */
    String create(RingGroupChange change, boolean apply, Caller caller);

    /**
     * Updates the fields the change sets on the ring group at {@code extension}, or creates it there.
     *
     * @return whether it was created
     * @throws ApiException 422 when creating without members, 409 for a number another tenant uses
     */
    boolean save(String extension, RingGroupChange change, boolean apply, Caller caller);

    /**
     * Deletes every one of the ring groups, or none.
     *
     * @throws ApiException 404 naming the numbers the caller has no ring group at
     */
    void delete(Ids ids, boolean apply, Caller caller);
}
