/**
 * Phones and phone models as services, for callers in the same framework: the {@code /pbxapi/phones} resource, the
 * MiRTA facade (MANAGEDB PHONE) and vendor bundles.
 * <p>
 * {@link org.dialplane.phones.api.PhoneService} does what the REST resource does, with the same rules, answers and
 * errors ({@link org.dialplane.core.rest.ApiException}), for a {@link org.dialplane.core.auth.Caller} the calling
 * bundle has authenticated. {@link org.dialplane.phones.api.PhoneModel} is the other way round: a bundle registers
 * one as an OSGi service to add a model (its provisioning files and their templates); unregistering it takes the
 * model away.
 */
@Export
@Version("1.0.0")
package org.dialplane.phones.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
