package org.dialplane.responsepaths;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.JsonBody;
import org.dialplane.core.rest.Problem;
import org.dialplane.responsepaths.api.Destination;
import org.dialplane.responsepaths.api.ResponsePathChange;
import org.dialplane.responsepaths.api.Variable;
import org.junit.jupiter.api.Test;

class ResponsePathFieldsTest {

    @Test
    void whenBodyIsTheFixedShape_thenItBecomesAChange() {
        ResponsePathChange change = ResponsePathFields.validate(JsonBody.of(Map.of("name", "Support",
                "prompts", List.of(3, "4"), "variables", List.of(Map.of("name", "ClientID", "max_digits", 8),
                        Map.of("name", "OrderNumber")), "voicefile", true,
                "destination", Map.of("type", "queue", "id", 281))), true);

        assertEquals(new ResponsePathChange("Support", List.of("3", "4"), List.of(new Variable(null, "ClientID", 8),
                new Variable(null, "OrderNumber", null)), true, new Destination("queue", "281")), change);
    }

    @Test
    void whenBodyIsWrongEverywhere_thenOne422NamesEachField() {
        ApiException e = assertThrows(ApiException.class, () -> ResponsePathFields.validate(JsonBody.of(Map.of(
                "prompts", List.of("x"), "variables", List.of(Map.of("name", "Agent"), Map.of("name", "1a",
                        "max_digits", 99), Map.of("name", "agent")),
                "destination", Map.of("type", "ivr", "id", "1"))), true));

        List<String> fields = e.problem().errors().stream().map(Problem.FieldError::field).toList();
        assertEquals(422, e.problem().status());
        assertEquals(List.of("name", "prompts", "variables[0].name", "variables[1].name", "variables[1].max_digits",
                "variables[2].name", "destination.type"), fields.stream().sorted((a, b) -> order(a) - order(b))
                .toList(), fields.toString());
    }

    @Test
    void whenCustomDestinationCouldBreakTheDialplan_thenItIsRefused() {
        ApiException e = assertThrows(ApiException.class, () -> ResponsePathFields.validate(JsonBody.of(Map.of(
                "destination", Map.of("type", "custom", "id", "x,s,1)\nexten => h"))), false));

        assertEquals("destination.id", e.problem().errors().get(0).field());
    }

    @Test
    void whenCreatingWithoutDestination_thenItIsRequired() {
        ApiException e = assertThrows(ApiException.class, () -> ResponsePathFields.validate(JsonBody.of(Map.of(
                "name", "x")), true));

        assertEquals(List.of("destination"), e.problem().errors().stream().map(Problem.FieldError::field).toList());
    }

    private static int order(String field) {
        return List.of("name", "prompts", "variables[0].name", "variables[1].name", "variables[1].max_digits",
                "variables[2].name", "destination.type").indexOf(field);
    }
}
