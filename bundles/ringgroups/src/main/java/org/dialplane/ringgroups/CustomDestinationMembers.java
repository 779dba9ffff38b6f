package org.dialplane.ringgroups;

import java.util.Optional;

import org.dialplane.customdestinations.api.CustomDestination;
import org.dialplane.customdestinations.api.CustomDestinationService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link CustomMembers} over the custom destinations bundle's service. The one class that refers to its API: when
 * the package is not wired or the service is gone, this component is not active, and nothing else needs it.
 * Public only because DS instantiates it; its package is not exported.
 */
@Component(service = CustomMembers.class)
public class CustomDestinationMembers implements CustomMembers {
    private final CustomDestinationService destinations;

    @Activate
    public CustomDestinationMembers(@Reference CustomDestinationService destinations) {
        this.destinations = destinations;
    }

    @Override
    public Optional<Custom> find(long id, long tenantId) {
        return destinations.find(id, tenantId).map(d -> new Custom(d.id(), d.name(), d.dialledNumber()));
    }

    @Override
    public Optional<Long> idOf(String number, long tenantId) {
        return destinations.findExternalNumber(number, tenantId).map(CustomDestination::id);
    }
}
