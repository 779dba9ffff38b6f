package org.dialplane.media;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.dialplane.core.rest.ApiException;

/** An upload read up to a number of bytes: one more is a 413, whoever reads it. */
final class UploadLimit extends FilterInputStream {
    private final long limit;
    private long count;

    UploadLimit(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    /** The 413 for an upload past {@code limit} bytes, also for a declared Content-Length, before reading. */
    static ApiException tooLarge(long limit) {
        return new ApiException(413, "The upload is larger than " + limit + " bytes");
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

    @Override
    public boolean markSupported() {
        return false; // a reset would count bytes twice
    }

    private void counted(long n) {
        count += n;
        if (count > limit) {
            throw tooLarge(limit);
        }
    }
}
