package org.dialplane.core.rest;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one byte range of a {@code Range: bytes=...} request header (RFC 9110 section 14) that a file download
 * serves with a 206. Only single ranges are served: a multi-range request, like a malformed header or another
 * unit, gets the whole file with a 200, which RFC 9110 allows (a server may ignore Range) and every client
 * handles, where {@code multipart/byteranges} is rarely worth its cost for audio.
 *
 * @param first  the first byte served, from 0
 * @param last   the last byte served, inclusive
 * @param length the length of the whole representation
 */
public record ByteRange(long first, long last, long length) {
    /** {@code first-last}, {@code first-} or {@code -suffix}; whitespace around it is tolerated. */
    private static final Pattern SPEC = Pattern.compile("\\s*([0-9]*)-([0-9]*)\\s*");

    public ByteRange {
        if (first < 0 || last < first || last >= length) {
            throw new IllegalArgumentException("Not a range of " + length + " bytes: " + first + "-" + last);
        }
    }

    /** How many bytes the range holds. */
    public long size() {
        return last - first + 1;
    }

    /** The {@code Content-Range} header of a 206: {@code bytes 0-99/1000}. */
    public String contentRange() {
        return "bytes " + first + "-" + last + "/" + length;
    }

    /**
     * The range a {@code Range} header asks of a representation of {@code length} bytes.
     *
     * @param header the header's value; null when the request has none
     * @return the range to serve with a 206, or empty to serve the whole representation with a 200 (no header, a
     *         malformed one, another unit than bytes, or several ranges)
     * @throws ApiException 416 with {@code Content-Range: bytes *}{@code /length} when the range starts at or past
     *                      the end, or asks for the last 0 bytes
     */
    public static Optional<ByteRange> parse(String header, long length) {
        if (header == null) {
            return Optional.empty();
        }
        int equals = header.indexOf('=');
        if (equals < 0 || !header.substring(0, equals).strip().equalsIgnoreCase("bytes")) {
            return Optional.empty();
        }
        Matcher spec = SPEC.matcher(header.substring(equals + 1));
        if (!spec.matches() || spec.group(1).isEmpty() && spec.group(2).isEmpty()) {
            return Optional.empty(); // malformed, or several ranges (a comma does not match)
        }
        if (spec.group(1).isEmpty()) {
            long suffix = number(spec.group(2));
            if (suffix == 0) {
                throw unsatisfiable(length);
            }
            // The last bytes of an empty file are no bytes at all: RFC 9110 has nothing better than the whole.
            return length == 0 ? Optional.empty()
                    : Optional.of(new ByteRange(Math.max(0, length - suffix), length - 1, length));
        }
        long first = number(spec.group(1));
        long last = spec.group(2).isEmpty() ? Long.MAX_VALUE : number(spec.group(2));
        if (last < first) {
            return Optional.empty(); // invalid, not unsatisfiable: RFC 9110 section 14.1.1
        }
        if (first >= length) {
            throw unsatisfiable(length);
        }
        return Optional.of(new ByteRange(first, Math.min(last, length - 1), length));
    }

    /** The 416 answer, which tells the client the length so that it can ask again. */
    public static ApiException unsatisfiable(long length) {
        return new ApiException(new Problem("about:blank", ApiException.reason(416), 416,
                "The range asked for is not within the " + length + " bytes of the file", List.of()),
                Map.of("Content-Range", "bytes */" + length));
    }

    /** Digits as a number; past {@code Long.MAX_VALUE} it is that, which is past the end of any file. */
    private static long number(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
