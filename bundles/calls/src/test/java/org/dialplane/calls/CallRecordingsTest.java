package org.dialplane.calls;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.Set;

import org.dialplane.calls.CallRecordings.Cdr;
import org.junit.jupiter.api.Test;

class CallRecordingsTest {
    private static final Set<String> TENANT = Set.of("402", "403");

    @Test
    void whenCallIsOfATenantsExtension_thenTheTenantHearsIt() {
        assertTrue(cdr("402", "9922323232", "", "", "", "").visibleTo(TENANT));
        assertTrue(cdr("5551234", "402", "", "", "", "").visibleTo(TENANT));
        assertTrue(cdr("5551234", "600", "402", "", "", "").visibleTo(TENANT));
        assertTrue(cdr("", "", "", "402", "", "").visibleTo(TENANT));
        assertTrue(cdr("", "", "", "402-DEVEL", "", "").visibleTo(TENANT));
        assertTrue(cdr("5551234", "600", "", "", "SIP/trunk-00000001", "SIP/403-00000002").visibleTo(TENANT));
        assertTrue(cdr("", "", "", "", "PJSIP/402-00000001", "").visibleTo(TENANT));
    }

    @Test
    void whenCallIsOfOtherExtensions_thenTheTenantDoesNotHearIt() {
        assertFalse(cdr("500", "9922323232", "500", "500-OTHER", "SIP/500-00000001", "SIP/trunk-1").visibleTo(TENANT));
        assertFalse(cdr("", "", "", "", "", "").visibleTo(Set.of("")));
        assertFalse(cdr(null, null, null, null, null, null).visibleTo(TENANT));
        assertFalse(cdr("4020", "40", "", "4-402", "SIP/4020-1", "").visibleTo(TENANT));
    }

    @Test
    void whenCallerIsGlobal_thenItHearsEveryCall() {
        assertTrue(cdr("500", "501", "", "", "", "").visibleTo(null));
    }

    private static Cdr cdr(String src, String dst, String cnum, String accountcode, String channel, String dstchannel) {
        return new Cdr(LocalDateTime.of(2017, 11, 4, 13, 45), "x.wav", src, dst, cnum, accountcode, channel, dstchannel);
    }
}
