package org.dialplane.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class FeatureFileTest {
    private static final String XML = """
            <features name="t" xmlns="http://karaf.apache.org/xmlns/features/v1.6.0">
              <feature name="base">
                <bundle start-level="1">mvn:org.example/a/1.0</bundle>
                <bundle start-level="5">mvn:org.example.group/b/2.0.1</bundle>
              </feature>
              <feature name="top">
                <feature>base</feature>
                <bundle>mvn:org.example/c/3</bundle>
                <bundle start-level="5">mvn:org.example.group/b/2.0.1</bundle>
              </feature>
            </features>
            """;

    private static FeatureFile read(String xml) throws IOException {
        return FeatureFile.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void whenFeatureIncludesAnother_thenIncludedFeatureFirstAndEachBundleOnce() throws IOException {
        List<FeatureFile.BundleRef> bundles = read(XML).bundles(List.of("top"));
        assertEquals(List.of("mvn:org.example/a/1.0", "mvn:org.example.group/b/2.0.1", "mvn:org.example/c/3"),
                bundles.stream().map(FeatureFile.BundleRef::url).toList());
        assertEquals(List.of(1, 5, 80), bundles.stream().map(FeatureFile.BundleRef::startLevel).toList());
    }

    @Test
    void whenRepositoryPathAsked_thenItFollowsMavenLayout() {
        assertEquals("org/example/group/b/2.0.1/b-2.0.1.jar",
                new FeatureFile.BundleRef("mvn:org.example.group/b/2.0.1", 5).repositoryPath());
    }

    @Test
    void whenFeatureUnknown_thenTheErrorNamesIt() throws IOException {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> read(XML).bundles(List.of("nope")));
        assertEquals(true, e.getMessage().contains("nope"));
    }

    @Test
    void whenXmlHasADoctype_thenRefused() {
        assertThrows(IOException.class, () -> read("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><features/>"));
    }

    @Test
    void whenBundleUrlMalformed_thenRefused() {
        assertThrows(IllegalArgumentException.class, () -> new FeatureFile.BundleRef("mvn:only/two", 1).repositoryPath());
    }
}
