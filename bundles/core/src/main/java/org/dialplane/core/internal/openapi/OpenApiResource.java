package org.dialplane.core.internal.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dialplane.core.auth.Public;
import org.dialplane.core.auth.PublicResource;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.jakartars.whiteboard.JakartarsWhiteboardConstants;
import org.osgi.util.tracker.ServiceTracker;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

/**
 * The OpenAPI document, the API explorer on it ({@link SwaggerUi}) and a plain list of the operations, for the
 * resources that are active now. It tracks the whiteboard's
 * resource services, so a bundle that comes or goes changes the document at once; there is no list of
 * resources anywhere.
 */
// Immediate: the whiteboard gets and releases resource instances; a delayed component would be disposed
// (closing its tracker) each time the last user lets go.
@Component(service = OpenApiResource.class, immediate = true)
@PublicResource(name = "dialplane.openapi")
@Path("")
@Public
public class OpenApiResource {
    static final String BASE_PATH = "/pbxapi";

    private final BundleContext context;
    private final String version;
    private final SwaggerUi swaggerUi;
    private final ServiceTracker<Object, List<Operation>> resources;

    @Activate
    public OpenApiResource(BundleContext context) throws InvalidSyntaxException {
        this.context = context;
        this.version = context.getBundle().getVersion().toString();
        this.swaggerUi = new SwaggerUi(context.getBundle());
        String filter = "(" + JakartarsWhiteboardConstants.JAKARTA_RS_RESOURCE + "=true)";
        this.resources = new ServiceTracker<>(context, context.createFilter(filter), null) {
            @Override
            public List<Operation> addingService(ServiceReference<Object> reference) {
                return introspect(reference);
            }

            @Override
            public void removedService(ServiceReference<Object> reference, List<Operation> operations) {
                // introspect() releases what it gets; nothing is held per tracked service
            }
        };
        resources.open(true);
    }

    @Deactivate
    void deactivate() {
        resources.close();
    }

    @GET
    @Path("openapi.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> openApi() {
        return OpenApiDocument.render(version, operations());
    }

    /** The API explorer, Swagger UI ({@link SwaggerUi}). */
    @GET
    @Path("docs")
    @Produces(MediaType.TEXT_HTML)
    public String docs() {
        return swaggerUi.page();
    }

    /** The explorer's scripts, styles and icon. */
    @GET
    @Path("docs/{file}")
    public Response docsFile(@PathParam("file") String file, @Context Request request) {
        return swaggerUi.file(file, request);
    }

    /** The operations as a plain HTML list, without scripts. */
    @GET
    @Path("docs/list")
    @Produces(MediaType.TEXT_HTML)
    public String docsList() {
        return DocsPage.render(version, operations());
    }

    private List<Operation> operations() {
        List<Operation> all = new ArrayList<>();
        resources.getTracked().values().forEach(all::addAll);
        all.sort(java.util.Comparator.comparing(Operation::path).thenComparing(Operation::method));
        return all;
    }

    /**
     * Reads the resource class named by the service's objectClass when it carries {@code @Path} (the usual DS
     * registration); otherwise the class is only known from an instance: get one, read it, release it.
     */
    private List<Operation> introspect(ServiceReference<Object> reference) {
        for (String name : (String[]) reference.getProperty(Constants.OBJECTCLASS)) {
            try {
                Class<?> type = reference.getBundle().loadClass(name);
                if (type.isAnnotationPresent(Path.class)) {
                    return ResourceIntrospector.operations(BASE_PATH, type);
                }
            } catch (ClassNotFoundException | IllegalStateException e) {
                // not visible from the registering bundle: fall back to an instance
            }
        }
        ServiceObjects<Object> objects = context.getServiceObjects(reference);
        Object instance = objects == null ? null : objects.getService();
        if (instance == null) {
            return List.of();
        }
        try {
            return ResourceIntrospector.operations(BASE_PATH, instance.getClass());
        } finally {
            objects.ungetService(instance);
        }
    }
}
