package org.dialplane.phones;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;

import org.dialplane.phones.api.PhoneModel;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The phone models registered now, whoever registered them: checked as they come ({@link KnownModel#of}), gone
 * when their service goes. When two register the same id, the first one registered serves it; the other takes
 * over if the first goes. Phones keep their model id when it goes: provisioning answers them 404 until a bundle
 * registers it again.
 */
@Component(service = PhoneModels.class)
public class PhoneModels {
    private static final Logger LOG = LoggerFactory.getLogger(PhoneModels.class);

    /** By service id: the order they were registered in. */
    private final Map<Long, KnownModel> models = new ConcurrentSkipListMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addModel(PhoneModel model, Map<String, Object> properties) {
        long serviceId = (Long) properties.get(Constants.SERVICE_ID);
        try {
            KnownModel known = KnownModel.of(model);
            if (get(known.id()).isPresent()) {
                LOG.warn("Phone model {} is registered twice; the first one serves it", known.id());
            }
            models.put(serviceId, known);
            LOG.info("Phone model {} ({} {}) added", known.id(), known.vendor(), known.name());
        } catch (RuntimeException e) {
            LOG.warn("Phone model service {} of {} refused: {}", serviceId, model.getClass().getName(),
                    e.getMessage());
        }
    }

    void removeModel(PhoneModel model, Map<String, Object> properties) {
        KnownModel gone = models.remove((Long) properties.get(Constants.SERVICE_ID));
        if (gone != null) {
            LOG.info("Phone model {} removed", gone.id());
        }
    }

    /** The model with this id now. */
    Optional<KnownModel> get(String id) {
        return models.values().stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** Every model now, one per id, by id. */
    List<KnownModel> all() {
        Set<String> seen = new LinkedHashSet<>();
        return models.values().stream().filter(m -> seen.add(m.id()))
                .sorted(Comparator.comparing(KnownModel::id)).toList();
    }

    /** The MAC addresses (stored form) some model's file names say a requested file is for. */
    Set<String> macsIn(String fileName) {
        Set<String> macs = new LinkedHashSet<>();
        all().forEach(m -> macs.addAll(m.macsIn(fileName)));
        return macs;
    }
}
