package org.dialplane.responsepaths;

import org.dialplane.core.auth.Caller;
import org.dialplane.customdestinations.api.CustomDestinationService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Checks custom destinations through {@link CustomDestinationService#find} (the caller's tenant's only). In a
 * component of its own so that this bundle runs without the custom destinations bundle (its package is an optional
 * import): it is satisfied only while that service is there.
 */
@Component(service = CustomTargets.class)
public class CustomDestinationTargets implements CustomTargets {
    private final CustomDestinationService destinations;

    @Activate
    public CustomDestinationTargets(@Reference CustomDestinationService destinations) {
        this.destinations = destinations;
    }

    @Override
    public boolean usable(long id, Caller caller) {
        return destinations.find(id, caller.tenantId()).isPresent();
    }
}
