package org.dialplane.cdr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.dialplane.core.db.Jdbc;
import org.dialplane.core.db.SqlFragment;
import org.dialplane.core.pbx.Channels;
import org.dialplane.core.pbx.Devices;

/**
 * Whose a CDR is: the rule core applies to live channels and the calls bundle to recordings ({@link Channels}: an
 * extension of the tenant is the number, the caller id number, the account code's extension or a channel's
 * device), here evaluated by the database over the tenant's extensions, so that a tenant's export reads only its
 * rows. The admin format shows the tenant of the first of these that is someone's extension, in the order of
 * {@link #COLUMNS}: the calling side first.
 */
final class CdrTenancy implements Tenancy {
    /** The columns the rule reads, in the order the admin format looks for an owner. */
    static final List<String> COLUMNS = List.of("src", "cnum", "accountcode", "channel", "dst", "dstchannel");

    private final Jdbc pbx;

    CdrTenancy(Jdbc pbx) {
        this.pbx = pbx;
    }

    @Override
    public SqlFragment owned(TenantScope tenant, Set<String> present) {
        Set<String> extensions = Devices.extensionsOf(pbx, tenant.asCaller("cdr export"));
        if (extensions.isEmpty()) {
            return SqlFragment.of("1 = 0");
        }
        List<SqlFragment> terms = new ArrayList<>();
        for (String column : COLUMNS) {
            if (present.contains(column)) {
                terms.add(SqlFragment.in(numberOf(column), extensions));
            }
        }
        SqlFragment any = SqlFragment.of("(");
        for (int i = 0; i < terms.size(); i++) {
            any = any.append(i == 0 ? "" : " OR ").append(terms.get(i));
        }
        return any.append(")");
    }

    /**
     * The SQL twin of {@link Channels#extensionOfAccount} and {@link Channels#extensionOf} for a column: the
     * account code up to its first dash; a channel's name after the technology, up to the first {@code @ / - ;}
     * (nothing for a channel without a technology, as core gives null).
     */
    static String numberOf(String column) {
        String c = "r." + column;
        return switch (column) {
            case "accountcode" -> "SUBSTRING_INDEX(" + c + ", '-', 1)";
            case "channel", "dstchannel" -> "IF(LOCATE('/', " + c + ") > 0, SUBSTRING_INDEX(SUBSTRING_INDEX("
                    + "SUBSTRING_INDEX(SUBSTRING_INDEX(SUBSTRING(" + c + ", LOCATE('/', " + c + ") + 1), '@', 1),"
                    + " '/', 1), '-', 1), ';', 1), NULL)";
            default -> c;
        };
    }

    @Override
    public Function<List<String>, String> owners() {
        Map<String, String> tenants = Owners.of(pbx, Devices.EXTENSION, "users", "extension");
        return values -> {
            for (int i = 0; i < COLUMNS.size(); i++) {
                String tenant = tenants.get(extensionIn(COLUMNS.get(i), values.get(i)));
                if (tenant != null) {
                    return tenant;
                }
            }
            return "";
        };
    }

    private static String extensionIn(String column, String value) {
        if (value == null) {
            return null;
        }
        return switch (column) {
            case "accountcode" -> Channels.extensionOfAccount(value);
            case "channel", "dstchannel" -> Channels.extensionOf(value);
            default -> value;
        };
    }
}
