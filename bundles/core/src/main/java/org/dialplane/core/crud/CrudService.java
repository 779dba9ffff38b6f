package org.dialplane.core.crud;

import java.util.List;
import java.util.Map;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.Ids;
import org.dialplane.core.rest.Query;
import org.dialplane.core.rest.Results;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The service of a numbered PBX object a resource bundle manages (extensions, ring groups, ...), as its
 * {@code .api} package offers it to any caller in the framework: the REST adapter, the MiRTA facade, a vendor's
 * bundle. A bundle's API extends it with its change type ({@code ExtensionService extends
 * CrudService<ExtensionChange>}) and says there what its objects are.
 * <p>
 * Every method acts for {@code caller}: it sees and changes only its tenant's objects (another tenant's are
 * absent: a 404), a read-only caller may not write (403) and is not shown secrets. Errors are
 * {@link ApiException}s, exactly as the REST resource answers them. A write commits in one transaction, then its
 * side effects follow (AstDB, files) and, when {@code apply} is true, one coalesced apply of the PBX
 * configuration is requested.
 *
 * @param <C> what a write sets: every field {@code null} when not sent
 */
@ConsumerType
public interface CrudService<C> {

    /**
     * A list request from query parameters as the collection's GET takes them: {@code fields} ({@code *} or
     * names), {@code limit}, {@code offset}, {@code order}, {@code direction}, {@code search}.
     *
     * @throws ApiException 400 naming a malformed or unknown parameter value
     */
    Query query(Map<String, List<String>> parameters);

    /** The objects matching the query, each a map of the query's fields in its order; the total when paged. */
    Results list(Query query, Caller caller);

    /**
     * The objects with these numbers, in that order, shown as {@link #list} shows them.
     *
     * @throws ApiException 404 naming the numbers the caller has no object at
     */
    Results get(Ids ids, Query query, Caller caller);

    /**
     * A change from field values as a client sends them in a JSON body ({@code "ringtimer": "30"} is read as a
     * number; unknown fields are ignored).
     *
     * @param creating whether the change is for a create, whose required fields are then checked too
     * @throws ApiException 422 listing every field at fault
     */
    C change(Map<String, ?> fields, boolean creating);

    /**
     * Creates an object at the change's number, or at the next free one in the caller's range.
     *
     * @return the new object's number
     * @throws ApiException 422 for an invalid change or a number outside the caller's range, 409 for a number in use
     */
    String create(C change, boolean apply, Caller caller);

    /**
     * Updates the fields the change sets on the object at {@code number}, or creates it there.
     *
     * @return whether it was created
     * @throws ApiException 422 for an invalid change, 409 for a number another tenant uses
     */
    boolean save(String number, C change, boolean apply, Caller caller);

    /**
     * Deletes every one of the objects, or none.
     *
     * @throws ApiException 404 naming the numbers the caller has no object at
     */
    void delete(Ids ids, boolean apply, Caller caller);
}
