/**
 * Access to the PBX configuration database ({@code asterisk}) and the CDR database ({@code asteriskcdrdb}):
 * the pooled {@link org.dialplane.core.db.Database}, units of work, transactions and multi-row inserts
 * ({@link org.dialplane.core.db.Jdbc}), rows read one at a time for long lists
 * ({@link org.dialplane.core.db.RowCursor}), parameterised SQL ({@link org.dialplane.core.db.SqlFragment}), named
 * locks ({@link org.dialplane.core.db.NamedLock}), failures ({@link org.dialplane.core.db.DatabaseException}) and
 * the migrations of a bundle's own tables ({@link org.dialplane.core.db.Database#migrate}).
 * This package depends on no other Dialplane package: {@code rest} and {@code pbx} build on it, never the reverse.
 */
@Export
@Version("2.3.0")
package org.dialplane.core.db;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
