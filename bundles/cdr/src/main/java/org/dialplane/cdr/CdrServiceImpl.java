package org.dialplane.cdr;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.dialplane.cdr.api.CdrService;
import org.dialplane.cdr.api.ExportFormat;
import org.dialplane.cdr.api.RecordPage;
import org.dialplane.cdr.api.RecordQuery;
import org.dialplane.core.auth.Caller;
import org.dialplane.core.auth.Tenants;
import org.dialplane.core.db.Database;
import org.dialplane.core.db.Jdbc;
import org.dialplane.core.db.SqlFragment;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.Ids;
import org.dialplane.core.rest.JsonBody;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The CDR service. Public only because DS instantiates it; its package is not exported. */
@Component(service = CdrService.class)
public class CdrServiceImpl implements CdrService {
    /** A uniqueid as Asterisk writes it ({@code 1509806457.12}, or a system name prefix). */
    static final Pattern UNIQUEID = Pattern.compile("[A-Za-z0-9._-]{1,32}");

    private final Records records;
    private final CdrSummary summary;
    private final Jdbc cdr;
    private final CdrTenancy tenancy;

    @Activate
    public CdrServiceImpl(@Reference Database database, @Reference Tenants tenants) {
        this.cdr = new Jdbc(database.cdr());
        this.tenancy = new CdrTenancy(new Jdbc(database.pbx()));
        RecordReader reader = new RecordReader(database.cdr(), CdrFields.TABLE, tenancy);
        this.records = new Records(reader, new RecordRequests(tenants));
        this.summary = new CdrSummary(database.cdr(), reader);
    }

    @Override
    public RecordQuery query(Map<String, List<String>> parameters, Caller caller) {
        return records.query(parameters, caller);
    }

    @Override
    public RecordPage list(RecordQuery query, Caller caller) {
        return records.list(query, caller);
    }

    @Override
    public void stream(RecordQuery query, ExportFormat format, Caller caller, OutputStream out) throws IOException {
        records.stream(query, format, caller, out);
    }

    @Override
    public List<Map<String, Object>> summary(RecordQuery query, String group, Caller caller) {
        return summary.summary(records.checked(query, caller), group);
    }

    @Override
    public void updateUserfield(String uniqueid, String userfield, Caller caller) {
        caller.requireWriter();
        String id = Ids.parseOne(uniqueid, UNIQUEID);
        String value = CdrFields.userfield(JsonBody.of(userfield == null ? Map.of() : Map.of("userfield", userfield)));
        SqlFragment owned = caller.global() ? SqlFragment.EMPTY
                : tenancy.owned(new TenantScope(caller.tenantId(), caller.tenantCode()),
                        records.reader().columns().present());
        SqlFragment match = SqlFragment.where(SqlFragment.of("r.uniqueid = ?", id), owned);
        cdr.run(connection -> {
            if (Jdbc.number(connection, SqlFragment.of("SELECT COUNT(*) FROM cdr r").append(match)) == 0) {
                throw ApiException.notFound("No CDR with uniqueid " + id);
            }
            return Jdbc.update(connection, SqlFragment.of("UPDATE cdr r SET r.userfield = ?", value).append(match));
        });
    }
}
