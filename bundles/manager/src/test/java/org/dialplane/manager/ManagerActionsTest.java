package org.dialplane.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.dialplane.core.ami.AmiAction;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.JsonBody;
import org.dialplane.core.rest.Validation;
import org.junit.jupiter.api.Test;

class ManagerActionsTest {

    @Test
    void whenActionLookedUpInAnyCase_thenOnlyAllowListedOnesAreFound() {
        assertTrue(ManagerActions.find("ORIGINATE").isPresent());
        assertTrue(ManagerActions.find("QueueUnpause").isPresent());
        for (String refused : List.of("Command", "UpdateConfig", "GetConfig", "DBDelTree", "", "originate2")) {
            assertTrue(ManagerActions.find(refused).isEmpty(), refused);
        }
    }

    @Test
    void whenApplicationOrDataSent_then403BeforeAnythingElse() {
        AllowedAction originate = ManagerActions.find("originate").orElseThrow();
        ApiException refused = assertThrows(ApiException.class, () -> ManagerFields.canonical(
                JsonBody.of(Map.of("bogus", 1, "application", "System")), originate));
        assertEquals(403, refused.problem().status());
    }

    @Test
    void whenFieldNamesGiven_thenTheActionsSpellingIsTakenAndUnknownOnesAre422() {
        AllowedAction hangup = ManagerActions.find("hangup").orElseThrow();
        assertEquals(Map.of("Channel", "SIP/1-1"),
                ManagerFields.canonical(JsonBody.of(Map.of("channel", "SIP/1-1")), hangup));
        ApiException unknown = assertThrows(ApiException.class,
                () -> ManagerFields.canonical(JsonBody.of(Map.of("Channel", "SIP/1-1", "Extra", "x")), hangup));
        assertEquals(422, unknown.problem().status());
        assertEquals("Extra", unknown.problem().errors().get(0).field());
    }

    @Test
    void whenOriginateBuilt_thenADialplanTargetWithPlainVariablesIsSent() {
        AmiAction action = build("originate", Map.of("Channel", "SIP/100", "Context", "from-internal",
                "Exten", "200", "Variable", Map.of("A", "1")));
        assertEquals("Originate", action.name());
        assertTrue(action.fields().contains(Map.entry("Priority", "1")));
        assertTrue(action.fields().contains(Map.entry("Variable", "A=1")));
        for (Object variable : List.of("FILE(/tmp/x)=1", Map.of("A", "${SHELL(id)}"), "A", List.of("A=1"))) {
            assertInvalid("originate", Map.of("Channel", "SIP/100", "Context", "c", "Exten", "1",
                    "Variable", variable));
        }
        assertInvalid("originate", Map.of("Channel", "SIP/100"));
    }

    @Test
    void whenAstDbFamilyOrReloadModuleIsNotAllowListed_then403() {
        assertEquals("DBPut", build("dbput", Map.of("Family", "DND", "Key", "100", "Val", "YES")).name());
        assertEquals(403, assertThrows(ApiException.class,
                () -> build("dbdel", Map.of("Family", "SIP", "Key", "x"))).problem().status());
        assertEquals(403, assertThrows(ApiException.class,
                () -> build("reload", Map.of("Module", "res_config_mysql.so"))).problem().status());
        assertEquals("Reload", build("reload", Map.of()).name());
    }

    @Test
    void whenGetvarNamesAFunction_thenRefused() {
        assertInvalid("getvar", Map.of("Variable", "SHELL(id)"));
        assertEquals("Getvar", build("getvar", Map.of("Variable", "CALLERID_NUM_X")).name());
    }

    private static AmiAction build(String name, Map<String, Object> body) {
        AllowedAction allowed = ManagerActions.find(name).orElseThrow();
        Map<String, Object> fields = ManagerFields.canonical(JsonBody.of(body), allowed);
        Validation v = Validation.of(JsonBody.of(fields));
        AmiAction action = allowed.builder().build(v, fields);
        v.check();
        return action;
    }

    private static void assertInvalid(String name, Map<String, Object> body) {
        ApiException invalid = assertThrows(ApiException.class, () -> build(name, body), body.toString());
        assertEquals(422, invalid.problem().status(), body.toString());
    }
}
