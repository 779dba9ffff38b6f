package org.dialplane.extensions.api;

import java.util.List;
import java.util.Map;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.Ids;
import org.dialplane.core.rest.Query;
import org.dialplane.core.rest.Results;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The extensions of IssabelPBX (its users, devices and sip rows, and their AstDB keys), as
 * {@code /pbxapi/extensions} serves them. Every method acts for {@code caller}: it sees and changes only its
 * tenant's extensions (another tenant's are absent: a 404), a read-only caller may not write (403) and is not
 * shown secrets. Errors are {@link ApiException}s, as the REST resource answers them. A write commits in one
 * transaction, then pushes its AstDB keys, writes the files it concerns (voicemail.conf) and, when {@code apply}
 * is true, requests one coalesced apply of the PBX configuration.
 */
@ProviderType
public interface ExtensionService {

    /**
     * A list request from query parameters as {@code GET /pbxapi/extensions} takes them: {@code fields}
     * ({@code *} or names), {@code limit}, {@code offset}, {@code order}, {@code direction}, {@code search}.
     *
     * @throws ApiException 400 naming a malformed or unknown parameter value
     */
    Query query(Map<String, List<String>> parameters);

    /**
     * The extensions matching the query, each a {@code Map} of the query's fields in its order, with the total
     * matching when the query asks for a page.
     */
    Results list(Query query, Caller caller);

    /**
     * The extensions with these numbers, in that order, shown as {@link #list} shows them.
     *
     * @throws ApiException 404 naming the numbers the caller has no extension at
     */
    Results get(Ids ids, Query query, Caller caller);

    /**
     * A change from field values as a client sends them in a JSON body ({@code "ringtimer": "30"} is read as a
     * number; unknown fields are ignored).
     *
     * @param creating whether the change is for a create, whose required fields are then checked with the rest
     * @throws ApiException 422 listing every field at fault
     */
    ExtensionChange change(Map<String, ?> fields, boolean creating);

    /**
     * Creates an extension at the change's number, or at the next free one in the caller's range.
     *
     * @return the new extension's number
     * @throws ApiException 422 for an invalid change or a number outside the caller's range, 409 for a number
     *                      in use
     */
    String create(ExtensionChange change, boolean apply, Caller caller);

    /**
     * Updates the fields the change sets on the extension at {@code extension}, or creates it there.
     *
     * @return whether it was created
     * @throws ApiException 422 for an invalid change or a change of {@code tech}, 409 for a number another
     *                      tenant uses
     */
    boolean save(String extension, ExtensionChange change, boolean apply, Caller caller);

    /**
     * Deletes every one of the extensions, with their mailboxes, or none.
     *
     * @throws ApiException 404 naming the numbers the caller has no extension at
     */
    void delete(Ids ids, boolean apply, Caller caller);
}
