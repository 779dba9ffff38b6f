package org.dialplane.core.internal.rest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;

import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.MaxBodySize;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

/**
 * Caps every request body a resource reads (JSON, forms, anything) at {@value #PROPERTY} bytes, 1 MiB by
 * default, or a parameter's {@link MaxBodySize}: a declared {@code Content-Length} above it is refused before
 * reading, and a chunked body is cut off as soon as it goes past it. Either way the answer is a 413 problem.
 */
@Component(service = ReaderInterceptor.class)
@JakartarsExtension
@JakartarsName("dialplane.bodylimit")
public class BodySizeLimit implements ReaderInterceptor {
    /** Framework property setting the limit, in bytes. */
    public static final String PROPERTY = "dialplane.http.max.body.bytes";
    public static final long DEFAULT_MAX_BYTES = 1024 * 1024;

    private final long maxBytes;

    @Activate
    public BodySizeLimit(BundleContext context) {
        this(parseLimit(context.getProperty(PROPERTY)));
    }

    BodySizeLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    static long parseLimit(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_MAX_BYTES;
        }
        try {
            long value = Long.parseLong(text.trim());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // a broken setting must not leave the API without a limit
        }
        throw new IllegalArgumentException(PROPERTY + " must be a positive number of bytes, not '" + text + "'");
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        long limit = limitFor(context.getAnnotations());
        String declared = context.getHeaders().getFirst(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > limit) {
                    throw tooLarge(limit);
                }
            } catch (NumberFormatException e) {
                // the HTTP server has already refused a malformed length; count the bytes instead
            }
        }
        context.setInputStream(new Limited(context.getInputStream(), limit));
        return context.proceed();
    }

    /** The limit for the parameter being read: its {@link MaxBodySize}, else the configured one. */
    long limitFor(Annotation[] annotations) {
        if (annotations != null) {
            for (Annotation annotation : annotations) {
                if (annotation instanceof MaxBodySize max) {
                    return max.value();
                }
            }
        }
        return maxBytes;
    }

    private static ApiException tooLarge(long limit) {
        return new ApiException(413, "The request body is larger than " + limit + " bytes");
    }

    /** Counts the bytes read and fails past the limit. */
    private static final class Limited extends FilterInputStream {
        private final long limit;
        private long count;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            counted(skipped);
            return skipped;
        }

        private void counted(long n) {
            count += n;
            if (count > limit) {
                throw tooLarge(limit);
            }
        }
    }
}
