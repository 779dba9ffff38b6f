package org.dialplane.customdestinations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.dialplane.core.rest.Problem;
import org.dialplane.customdestinations.api.CustomTypeChange;
import org.junit.jupiter.api.Test;

class CustomTypeTest {
    private static final CustomTypeChange EXTERNAL = new CustomTypeChange(null, "External", "",
            List.of("Gosub(dp-custom-callerid,${param2},1)", "Dial(Local/${param1}@from-internal,${param3})"),
            Arrays.asList("Number", null, null), List.of("number", "callerid", "seconds"), true);

    private static List<String> fields(List<Problem.FieldError> errors) {
        return errors.stream().map(Problem.FieldError::field).toList();
    }

    @Test
    void whenSeedValuesChecked_thenAcceptedAndUnnamedParametersGetANumberedName() {
        List<Problem.FieldError> errors = new ArrayList<>();
        CustomType type = CustomType.merged(null, EXTERNAL, errors);
        assertEquals(List.of(), errors);
        assertEquals(List.of("Number", "Parameter 2", "Parameter 3"), type.names());
        assertEquals(List.of(), type.problems(Map.of("param1", "3564732920", "param2", "INCOMINGDID", "param3", "30")));
    }

    @Test
    void whenValuesMissingOutsideTheirKindsOrUndeclared_thenEachParameterNamed() {
        CustomType type = CustomType.merged(null, EXTERNAL, new ArrayList<>());
        assertEquals(List.of("param1", "param2", "param3"), fields(type.problems(Map.of("param1", "1,2",
                "param2", "", "param3", "30)"))));
        CustomType did = CustomType.merged(null, new CustomTypeChange(null, "DID", "",
                List.of("Goto(from-trunk,${param1},1)"), null, Arrays.asList("number", null, null), false),
                new ArrayList<>());
        List<Problem.FieldError> extra = did.problems(Map.of("param1", "5551", "param2", "x", "param3", ""));
        assertEquals(List.of("param2"), fields(extra));
        assertTrue(extra.get(0).message().contains("declares no param2"), extra.get(0).message());
    }

    @Test
    void whenUpdateUndeclaresAParameterTheTemplateUses_thenTemplateRefused() {
        CustomType type = CustomType.merged(null, EXTERNAL, new ArrayList<>());
        List<Problem.FieldError> errors = new ArrayList<>();
        CustomType.merged(type, new CustomTypeChange(null, null, null, null, null, Arrays.asList(null, null, ""), null),
                errors);
        assertEquals(List.of("template"), fields(errors));
        assertTrue(errors.get(0).message().contains("${param3} is not a declared parameter"), errors.toString());
    }

    @Test
    void whenExternalNumberWithoutANumberParam1_thenRefused() {
        List<Problem.FieldError> errors = new ArrayList<>();
        CustomType.merged(null, new CustomTypeChange(null, "X", "", List.of("Hangup()"), null,
                Arrays.asList("seconds", null, null), true), errors);
        assertEquals(List.of("external_number"), fields(errors));
    }
}
