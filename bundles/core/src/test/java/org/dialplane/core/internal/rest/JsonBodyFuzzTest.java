package org.dialplane.core.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.FieldSet;
import org.dialplane.core.rest.FieldSpec;
import org.dialplane.core.rest.JsonBody;
import org.dialplane.core.rest.Validation;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JacksonException;

/**
 * Fuzzes JSON request bodies: {@link JsonBodyReader} (what core reads for every {@code JsonBody} parameter) and the
 * checks of a body by a field declaration ({@link FieldSet#validation}, {@link Validation}). A body is a
 * {@code JsonBody}, or Jackson's exception (core answers 400), or an {@link ApiException} 400; validation passes or
 * throws a 422. Nothing else: no other exception, no stack overflow on deep nesting. Seeds are JSON files in
 * {@code JsonBodyFuzzTestInputs/<method>/}.
 */
class JsonBodyFuzzTest {
    static final FieldSet FIELDS = FieldSet.builder()
            .field("extension", "u.extension", FieldSpec.text().required().matches(
                    java.util.regex.Pattern.compile("[0-9]{2,10}"), "2 to 10 digits"))
            .field("name", "d.description", FieldSpec.text().maxLength(50).defaultValue("Extension"))
            .field("dial", "d.dial", FieldSpec.text().readOnly())
            .field("secret", "s.data", FieldSpec.text().length(6, 80).secret())
            .field("ringtimer", "u.ringtimer", FieldSpec.integer().range(0, 300))
            .field("voicemail", "u.voicemail", FieldSpec.text().oneOf("novm", "default"))
            .field("enabled", "u.enabled", FieldSpec.bool())
            .field("members", "r.grplist", FieldSpec.textList().nonEmpty().distinct().maxItems(20)
                    .matches(java.util.regex.Pattern.compile("[0-9]{2,10}#?"), "an extension number"))
            .field("options", null, FieldSpec.object())
            .build();

    @FuzzTest(maxDuration = "1m")
    void whenAnyBodyBytes_thenJsonBodyOrA400(byte[] bytes) {
        read(bytes);
    }

    @FuzzTest(maxDuration = "1m")
    void whenAnyJsonBodyIsValidated_thenValuesOrA422NamingFields(byte[] bytes) {
        JsonBody body = read(bytes);
        if (body == null) {
            return;
        }
        for (boolean creating : List.of(true, false)) {
            try {
                Validation v = FIELDS.validation(body, creating);
                v.check();
                for (String name : FIELDS.names()) {
                    v.value(name); // typed as declared, or null when not sent
                }
            } catch (ApiException invalid) {
                assertEquals(422, invalid.problem().status(), invalid.getMessage());
                assertNotNull(invalid.problem().errors());
            }
        }
    }

    /** The body read, or null when core answers it with a 400. */
    private static JsonBody read(byte[] bytes) {
        try {
            return JsonBodyReader.parse(new ByteArrayInputStream(bytes));
        } catch (ApiException rejected) {
            assertEquals(400, rejected.problem().status(), rejected.getMessage());
            return null;
        } catch (JacksonException malformed) {
            return null; // JsonProblemMappers answer Jackson's exceptions with a 400
        } catch (IOException e) {
            throw new AssertionError("reading from memory cannot fail", e);
        }
    }
}
