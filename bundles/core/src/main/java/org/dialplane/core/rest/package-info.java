/**
 * Shared REST plumbing for resource bundles, so that a resource is a thin delegation to its repository:
 * <ul>
 * <li>errors: throw {@link org.dialplane.core.rest.ApiException}; core answers with
 * {@code application/problem+json} ({@link org.dialplane.core.rest.Problem}), including for Jersey's and
 * Jackson's own errors (404, 405, 415, malformed JSON) and for bodies over the size limit (413);</li>
 * <li>answers: the {@code {"results": [...]}} envelope ({@link org.dialplane.core.rest.Results}) and the CRUD
 * responses ({@link org.dialplane.core.rest.Crud});</li>
 * <li>requests: declared fields ({@link org.dialplane.core.rest.FieldSet}, {@link org.dialplane.core.rest.FieldSpec},
 * named for the OpenAPI document by {@link org.dialplane.core.rest.Fields}), {@code fields/limit/offset/order/
 * direction/search} ({@link org.dialplane.core.rest.Query}) turned into parameterised SQL
 * ({@link org.dialplane.core.db.SqlFragment}), comma multi-ids ({@link org.dialplane.core.rest.Ids}), the
 * {@code reload} flag ({@link org.dialplane.core.rest.Reload}), JSON bodies
 * ({@link org.dialplane.core.rest.JsonBody}) and their checks ({@link org.dialplane.core.rest.Validation}, 422);</li>
 * <li>files: a download with {@code Range} support ({@link org.dialplane.core.rest.FileResponse},
 * {@link org.dialplane.core.rest.ByteRange}), for recordings, voicemail and media.</li>
 * </ul>
 * See docs/rest-conventions.md.
 */
@Export
@Version("2.3.0")
package org.dialplane.core.rest;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
