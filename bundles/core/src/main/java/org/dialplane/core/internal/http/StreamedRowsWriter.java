package org.dialplane.core.internal.http;

import java.io.IOException;

import org.dialplane.core.rest.Results;
import org.dialplane.core.rest.StreamedRows;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;

/**
 * Runs the query of a whole list ({@link StreamedRows}) before its JSON is written, and gives its connection back
 * after: a failure to start (the database down, too many long lists at once) is then still a problem answer with
 * its status, not a truncated 200, since Jackson would wrap it as a serialization error once writing began; and a
 * write that never happens still gives the connection back.
 */
@Component(service = WriterInterceptor.class)
@JakartarsExtension
@JakartarsName("dialplane.streamedrows")
public class StreamedRowsWriter implements WriterInterceptor {

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        if (!(context.getEntity() instanceof Results results) || !(results.results() instanceof StreamedRows rows)) {
            context.proceed();
            return;
        }
        rows.open();
        try {
            context.proceed();
        } finally {
            rows.close();
        }
    }
}
