package org.dialplane.customdestinations.api;

import org.dialplane.core.crud.CrudService;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Custom destination types: named dialplan templates with up to three declared parameters, as
 * {@code /pbxapi/customtypes} serves them, with the rules of {@link CrudService}. Every caller may list them;
 * only global callers may write (403 otherwise). Built-in types are never changed or deleted (409), nor is a type
 * while destinations use it (409 naming them). A template is checked when saved (422 naming {@code template}).
 */
@ProviderType
public interface CustomTypeService extends CrudService<CustomTypeChange> {
}
