package org.dialplane.core.auth;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The tenants of the installation, for resources that need more of a tenant than its id and code. */
@ProviderType
public interface Tenants {
    /** The code of the tenant that exists on every installation and owns every unassigned object. */
    String DEFAULT = "default";

    Optional<Tenant> byId(long id);

    Optional<Tenant> byCode(String code);
}
