package org.dialplane.cdr;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import org.dialplane.cdr.api.ExportFormat;
import org.dialplane.cdr.api.QueueLogService;
import org.dialplane.cdr.api.RecordPage;
import org.dialplane.cdr.api.RecordQuery;
import org.dialplane.core.auth.Caller;
import org.dialplane.core.auth.Tenants;
import org.dialplane.core.db.Database;
import org.dialplane.core.db.Jdbc;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The queue log service. Public only because DS instantiates it; its package is not exported. */
@Component(service = QueueLogService.class)
public class QueueLogServiceImpl implements QueueLogService {
    private final Records records;

    @Activate
    public QueueLogServiceImpl(@Reference Database database, @Reference Tenants tenants) {
        this.records = new Records(new RecordReader(database.cdr(), QueueLogFields.TABLE,
                new QueueTenancy(new Jdbc(database.pbx()))), new RecordRequests(tenants));
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
}
