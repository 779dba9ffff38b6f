package org.dialplane.phones.api;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.crud.CrudService;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Phones, as {@code /pbxapi/phones} serves them, with the rules of {@link CrudService}; a phone's number is its
 * id. Specific to phones:
 * <ul>
 * <li>a phone is created with a name, a MAC address and a model (422 without); the model must be registered;</li>
 * <li>its MAC address is unique on the whole system, whatever its form: another phone's is a 409, even another
 * tenant's;</li>
 * <li>its lines are extensions of the phone's tenant, at most as many as the model has (422 naming the others); a
 * global caller's new phone belongs to the tenant of its lines (its own tenant when it has none);</li>
 * <li>{@code provisioning_url} (where the phone fetches its configuration) is shown to read-write callers only.</li>
 * </ul>
 */
@ProviderType
public interface PhoneService extends CrudService<PhoneChange> {

    /**
     * Gives the phone a new provisioning secret: its old provisioning URL answers 404 from now on (for a URL that
     * leaked, or a phone given away). Read-write callers only.
     *
     * @return the phone's new provisioning URL
     * @throws org.dialplane.core.rest.ApiException 404 when the caller has no phone with this id, 403 for a
     *         read-only caller
     */
    String renewProvisioningSecret(String id, Caller caller);
}
