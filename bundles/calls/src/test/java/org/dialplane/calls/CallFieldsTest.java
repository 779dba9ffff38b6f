package org.dialplane.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.dialplane.calls.api.OriginateRequest;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.JsonBody;
import org.junit.jupiter.api.Test;

class CallFieldsTest {
    @Test
    void whenTheSeedsDialValidated_thenAccepted() {
        OriginateRequest request = CallFields.validate(JsonBody.of(Map.of("source", "402", "dest", "9922323232",
                "account", "402-DEVEL", "variables", Map.of("callid", 453131))));
        assertEquals("402", request.source());
        assertEquals(CallFields.DEFAULT_TIMEOUT_SECONDS, request.timeoutSeconds());
        assertEquals(Map.of("callid", "453131"), request.variables());
        assertEquals(Map.of("DEVEL-callid", "453131"), AmiCalls.prefixed(request.variables(), "DEVEL"));
    }

    @Test
    void whenACommaWouldSmuggleInAnotherVariable_then422() {
        ApiException invalid = assertThrows(ApiException.class, () -> CallFields.validate(JsonBody.of(Map.of(
                "source", "402", "dest", "100", "variables", Map.of("x", "1,AMPUSER=999")))));
        assertEquals(422, invalid.problem().status());
        assertEquals("variables.x", invalid.problem().errors().get(0).field());
    }

    @Test
    void whenDestinationIsNotDialCharactersOnly_thenRefused() {
        for (String dest : new String[] {"100@evil", "1 00", "100&SIP/1", "", "1".repeat(41)}) {
            ApiException invalid = assertThrows(ApiException.class,
                    () -> CallFields.validate(JsonBody.of(Map.of("source", "402", "dest", dest))), dest);
            assertEquals("dest", invalid.problem().errors().get(0).field());
        }
        CallFields.validate(JsonBody.of(Map.of("source", "402", "dest", "+39*#12")));
    }
}
