package org.dialplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assume.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Test;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * Validates the live OpenAPI document that {@link OpenApiIT} fetched from the container, with swagger-parser,
 * in a plain JVM: the parser and its dependencies stay out of the OSGi tests' class path (itests/pom.xml runs
 * this in a failsafe execution of its own, after the Pax Exam tests). Skips, visibly, when OpenApiIT did not run.
 */
public class OpenApiDocumentCheck {

    /** Where OpenApiIT writes it. */
    static Path document() {
        return Path.of(System.getProperty("dialplane.test.work", "target/work"), OpenApiIT.FILE);
    }

    @Test
    public void whenTheLiveDocumentIsParsed_thenItHasNoValidationMessages() throws Exception {
        Path file = document();
        assumeTrue("OpenApiIT did not write " + file, Files.isRegularFile(file));
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(Files.readString(file), null, options);
        List<String> messages = result.getMessages() == null ? List.of() : result.getMessages();
        assertEquals("validation messages of " + file, List.of(), messages);
        assertNotNull(result.getOpenAPI().getComponents().getSchemas().get("ExtensionCreate"));
    }
}
