package org.dialplane.core.internal.audit;

import static org.dialplane.core.rest.FieldSet.Trait.DEFAULT;
import static org.dialplane.core.rest.FieldSet.Trait.UNSORTABLE;

import org.dialplane.core.rest.FieldSet;
import org.dialplane.core.rest.FieldSpec;

/** The fields of an audit entry as {@code GET /audit} shows them (read-only: entries are never written by hand). */
final class AuditFields {
    static final FieldSet FIELDS = FieldSet.builder()
            .field("id", "id", FieldSpec.integer().readOnly(), DEFAULT)
            .field("at", "at", FieldSpec.text().readOnly().description("when, UTC (ISO-8601)"), DEFAULT)
            .field("actor_kind", "actor_kind", FieldSpec.text().readOnly()
                    .description("user, key (an API key), caller (a servlet's caller) or none"), DEFAULT)
            .field("actor", "actor", FieldSpec.text().readOnly().description("the user name or the API key's id"),
                    DEFAULT)
            .field("actor_name", "actor_name", FieldSpec.text().readOnly().description("the API key's name"),
                    DEFAULT)
            .field("tenant", "tenant_code", FieldSpec.text().readOnly().description("the caller's tenant"), DEFAULT)
            .field("global_caller", "global_caller", FieldSpec.bool().readOnly(), DEFAULT)
            .field("address", "address", FieldSpec.text().readOnly().description("the client's IP address"),
                    DEFAULT)
            .field("method", "method", FieldSpec.text().readOnly(), DEFAULT)
            .field("path", "path", FieldSpec.text().readOnly()
                    .description("the path template under /pbxapi, e.g. /extensions/{ids}"), DEFAULT)
            .field("object_ids", "object_ids", FieldSpec.text().readOnly()
                    .description("the path's ids and a created object's id, e.g. ids=1005,1006"), DEFAULT,
                    UNSORTABLE)
            .field("fields", "fields", FieldSpec.textList().readOnly()
                    .description("the names of the body's fields (never their values)"), DEFAULT, UNSORTABLE)
            .field("status", "status", FieldSpec.integer().readOnly().description("the HTTP status answered"),
                    DEFAULT)
            .orderBy("at")
            .build();

    private AuditFields() {
    }
}
