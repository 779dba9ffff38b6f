package org.dialplane.customdestinations.api;

import java.util.Optional;

import org.dialplane.core.crud.CrudService;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A tenant's custom destinations, as {@code /pbxapi/customdestinations} serves them, with the rules of
 * {@link CrudService}: each is a custom type with its parameter values, checked against the kinds the type
 * declares (422 naming the parameter), written with its IssabelPBX {@code custom_destinations} row, and its
 * dialplan context {@code dp-custom-<id>}. A destination something refers to is not deleted (409 naming it).
 */
@ProviderType
public interface CustomDestinationService extends CrudService<CustomDestinationChange> {

    /**
     * The custom destination with this id when the tenant owns it, for other bundles acting for that tenant
     * (a hunt list of the tenant's ring group); empty when there is none or another tenant owns it.
     */
    Optional<CustomDestination> find(long id, long tenantId);

    /**
     * The tenant's destination of an external-number type that dials this number (the lowest id when several
     * do), as a hunt list reads back IssabelPBX's {@code <number>#} members; empty when none does.
     */
    Optional<CustomDestination> findExternalNumber(String number, long tenantId);
}
