package org.dialplane.core.internal.jobs;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.auth.PbxResource;
import org.dialplane.core.jobs.Job;
import org.dialplane.core.jobs.Jobs;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.Doc;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code GET /pbxapi/jobs/{id}}: a bulk import's progress while it runs and its outcome for an hour after. Another
 * tenant's job is as absent as an unknown one.
 */
@Component(service = JobsResource.class)
@PbxResource(name = "dialplane.jobs")
@Path("jobs")
@Produces(MediaType.APPLICATION_JSON)
public class JobsResource {
    private final Jobs jobs;

    @Activate
    public JobsResource(@Reference Jobs jobs) {
        this.jobs = jobs;
    }

    @GET
    @Path("{id}")
    @Doc("A job (a bulk import): state running, done or failed; rows done of total; created, updated; errors")
    public Job get(@PathParam("id") String id, @Context SecurityContext security) {
        return jobs.find(id, Caller.of(security)).orElseThrow(() -> ApiException.notFound("No job " + id));
    }
}
