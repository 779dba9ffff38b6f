package org.dialplane.core.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ByteRangeTest {
    private static final long LENGTH = 1000;

    @Test
    void whenRangeHasFirstAndLast_thenBothAreInclusive() {
        ByteRange range = ByteRange.parse("bytes=0-99", LENGTH).orElseThrow();
        assertEquals(new ByteRange(0, 99, LENGTH), range);
        assertEquals(100, range.size());
        assertEquals("bytes 0-99/1000", range.contentRange());
        assertEquals(new ByteRange(10, 10, LENGTH), ByteRange.parse("bytes=10-10", LENGTH).orElseThrow());
    }

    @Test
    void whenRangeOpenEnded_thenItRunsToTheEnd() {
        assertEquals(new ByteRange(100, 999, LENGTH), ByteRange.parse("bytes=100-", LENGTH).orElseThrow());
        assertEquals(new ByteRange(999, 999, LENGTH), ByteRange.parse("bytes=999-", LENGTH).orElseThrow());
    }

    @Test
    void whenSuffixRange_thenTheLastBytesOrAllOfAShorterFile() {
        assertEquals(new ByteRange(500, 999, LENGTH), ByteRange.parse("bytes=-500", LENGTH).orElseThrow());
        assertEquals(new ByteRange(0, 999, LENGTH), ByteRange.parse("bytes=-5000", LENGTH).orElseThrow());
        assertEquals(new ByteRange(0, 999, LENGTH),
                ByteRange.parse("bytes=-99999999999999999999999", LENGTH).orElseThrow());
    }

    @Test
    void whenEndBeyondTheLength_thenClamped() {
        assertEquals(new ByteRange(900, 999, LENGTH), ByteRange.parse("bytes=900-5000", LENGTH).orElseThrow());
        assertEquals(new ByteRange(0, 999, LENGTH),
                ByteRange.parse("bytes=0-99999999999999999999999", LENGTH).orElseThrow());
    }

    @Test
    void whenUnitCapitalisedOrWhitespaceAround_thenTolerated() {
        assertEquals(new ByteRange(0, 9, LENGTH), ByteRange.parse("Bytes=0-9", LENGTH).orElseThrow());
        assertEquals(new ByteRange(0, 9, LENGTH), ByteRange.parse(" bytes = 0-9 ", LENGTH).orElseThrow());
    }

    @Test
    void whenStartAtOrPastTheEnd_then416WithTheLength() {
        for (String header : new String[] {"bytes=1000-", "bytes=1000-2000", "bytes=5000-6000",
                "bytes=99999999999999999999999-"}) {
            ApiException e = assertThrows(ApiException.class, () -> ByteRange.parse(header, LENGTH), header);
            assertEquals(416, e.problem().status());
            assertEquals(ApiException.reason(416), e.problem().title());
            assertEquals(Map.of("Content-Range", "bytes */1000"), e.headers());
        }
    }

    @Test
    void whenSuffixEmpty_then416() {
        assertEquals(416, assertThrows(ApiException.class, () -> ByteRange.parse("bytes=-0", LENGTH)).problem()
                .status());
    }

    @Test
    void whenFileEmpty_thenNoRangeButItsWhole() {
        assertEquals(Optional.empty(), ByteRange.parse("bytes=-10", 0));
        assertEquals("bytes */0", assertThrows(ApiException.class, () -> ByteRange.parse("bytes=0-", 0)).headers()
                .get("Content-Range"));
    }

    @Test
    void whenNoMalformedOrMultipleRanges_thenTheWholeFile() {
        for (String header : new String[] {null, "", "bytes", "bytes=", "bytes=-", "bytes=a-b", "bytes=1-2-3",
                "bytes=0x10-20", "bytes=+1-2", "bytes=20-10", "items=0-9", "=0-9", "bytes 0-9", "bytes=0-9,20-29",
                "bytes=0-9, 20-29", "bytes=-1,0-0", "bytes=0-9,", "bytes=\u0661-\u0662"}) {
            assertEquals(Optional.empty(), ByteRange.parse(header, LENGTH), String.valueOf(header));
        }
    }

    @Test
    void whenRangeOutsideTheLength_thenItCannotBeBuilt() {
        assertThrows(IllegalArgumentException.class, () -> new ByteRange(0, 1000, LENGTH));
        assertThrows(IllegalArgumentException.class, () -> new ByteRange(5, 4, LENGTH));
        assertThrows(IllegalArgumentException.class, () -> new ByteRange(-1, 4, LENGTH));
    }
}
