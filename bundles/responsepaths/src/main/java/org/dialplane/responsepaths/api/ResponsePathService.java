package org.dialplane.responsepaths.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.crud.CrudService;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.Query;
import org.dialplane.core.rest.Results;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Response paths, as {@code /pbxapi/responsepaths} serves them, with the rules of {@link CrudService}; the numbers
 * are the paths' ids, given by the system ({@code save} at an id nobody uses creates the path there). A write
 * regenerates the paths' dialplan ({@code dp-responsepath-<id>} contexts) and, unless {@code apply} is false,
 * requests an apply. Specific to response paths: the prompts must be media files of the caller's tenant (503
 * while the media bundle is absent) and the destination must exist and be the tenant's (422 naming the field);
 * deleting a path keeps its recorded runs until they expire.
 */
@ProviderType
public interface ResponsePathService extends CrudService<ResponsePathChange> {
    /** The filters of {@link #last}: the step types a run can be looked up by. */
    List<String> FILTERS = List.of(Step.START, Step.CALLERID, Step.VARIABLE, Step.VOICEFILE, Step.QUEUE, Step.ANSWER,
            Step.HANGUP);

    /**
     * A request for a page of runs, from query parameters: {@code limit}, {@code offset}, {@code order} ({@code id}
     * or {@code started}), {@code direction}.
     *
     * @throws ApiException 400 naming a malformed parameter
     */
    Query runsQuery(Map<String, List<String>> parameters);

    /**
     * The runs of the caller's path {@code pathId} ({@link Run#asMap()} each), with the total when paged.
     *
     * @throws ApiException 404 when the caller has no such path
     */
    Results runs(String pathId, Query query, Caller caller);

    /**
     * The newest run of the path, or the newest with a step of type {@code filter} whose value (or, for
     * {@code VARIABLE}, {@code QUEUE} and {@code VOICEFILE}, whose type id or value) is {@code filterData}:
     * {@code last("19", "ANSWER", "104-DEVEL", caller)} is the last run agent 104 of DEVEL answered.
     *
     * @param filter     one of {@link #FILTERS} (any case), or {@code null} for the newest run
     * @param filterData what the step must hold; {@code null} or empty: any step of that type
     * @throws ApiException 400 for an unknown filter; 404 when the caller has no such path or no run matches
     */
    Run last(String pathId, String filter, String filterData, Caller caller);

    /**
     * The voice message recorded in the run {@code objectId} of the path (a voice file's id is its run's), to
     * stream to a client.
     *
     * @throws ApiException 404 when the caller has no such path, the run left no voice file, or the file is gone
     */
    Path voiceFile(String pathId, String objectId, Caller caller);
}
