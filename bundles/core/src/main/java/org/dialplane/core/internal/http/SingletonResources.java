package org.dialplane.core.internal.http;

import java.util.IdentityHashMap;
import java.util.Map;

import org.glassfish.jersey.server.model.ModelProcessor;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.server.model.ResourceModel;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;

/**
 * Serves each singleton-scoped resource service with its one instance, as the Jakarta-RS whiteboard intends.
 * <p>
 * Why: the osgitech whiteboard hands Jersey the instance of a singleton resource, but it also binds a
 * per-request HK2 factory to the resource's class (for prototype services), and Jersey's class-based method
 * handler finds that factory first. So every request to a singleton resource got the service from the
 * framework again, had its fields injected again and released it again: about a fifth of the time Jersey spent
 * on a cheap GET. Rebinding the methods of the resources Jersey holds an instance of to that instance skips the
 * look-up; prototype-scoped resources (no instance) keep their per-request instances.
 */
@Component(service = Feature.class)
@JakartarsExtension
@JakartarsName("dialplane.singletons")
public class SingletonResources implements Feature {

    @Override
    public boolean configure(FeatureContext context) {
        context.register(new Rebinding());
        return true;
    }

    /** The resource model with each method of a singleton resource handled by its instance. */
    static final class Rebinding implements ModelProcessor {

        @Override
        public ResourceModel processResourceModel(ResourceModel model, Configuration configuration) {
            Map<Class<?>, Object> instances = new IdentityHashMap<>();
            configuration.getInstances().forEach(instance -> instances.put(instance.getClass(), instance));
            ResourceModel.Builder rebound = new ResourceModel.Builder(false);
            model.getResources().forEach(resource -> rebound.addResource(rebind(resource, instances)));
            return rebound.build();
        }

        @Override
        public ResourceModel processSubResource(ResourceModel model, Configuration configuration) {
            return model;
        }

        private static Resource rebind(Resource resource, Map<Class<?>, Object> instances) {
            Resource.Builder builder = Resource.builder(resource);
            for (ResourceMethod method : resource.getResourceMethods()) {
                Object instance = instances.get(method.getInvocable().getHandler().getHandlerClass());
                if (instance != null && method.getInvocable().getHandler().isClassBased()) {
                    builder.updateMethod(method).handledBy(instance, method.getInvocable().getDefinitionMethod())
                            .build();
                }
            }
            for (Resource child : resource.getChildResources()) {
                builder.replaceChildResource(child, rebind(child, instances));
            }
            return builder.build();
        }
    }
}
