package org.dialplane.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoredJarTest {
    private static final long TIME = 1_700_000_000_000L;

    @TempDir
    Path dir;

    private Path deflatedJar(Map<String, byte[]> entries) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Bundle-SymbolicName", "org.example.stored");
        Path jar = dir.resolve("in.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                JarEntry entry = new JarEntry(e.getKey());
                entry.setTime(TIME);
                out.putNextEntry(entry);
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return jar;
    }

    @Test
    void whenJarIsDeflated_thenEveryEntryIsStoredWithTheSameBytesInTheSameOrder() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("org/", new byte[0]);
        entries.put("org/example/A.class", "class A ".repeat(500).getBytes(StandardCharsets.US_ASCII));
        entries.put("OSGI-INF/component.xml", "<scr:component/>".getBytes(StandardCharsets.US_ASCII));
        Path in = deflatedJar(entries);

        Path out = dir.resolve("out.jar");
        try (InputStream stored = StoredJar.open(in)) {
            Files.copy(stored, out);
        }

        List<String> names = new ArrayList<>();
        try (ZipFile zip = new ZipFile(out.toFile())) {
            zip.stream().forEach(entry -> {
                names.add(entry.getName());
                assertEquals(ZipEntry.STORED, entry.getMethod(), entry.getName());
            });
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                try (InputStream data = zip.getInputStream(zip.getEntry(e.getKey()))) {
                    assertArrayEquals(e.getValue(), data.readAllBytes(), e.getKey());
                }
                assertEquals(TIME, zip.getEntry(e.getKey()).getTime(), e.getKey());
            }
        }
        List<String> expected = new ArrayList<>(List.of("META-INF/MANIFEST.MF"));
        expected.addAll(entries.keySet());
        assertEquals(expected, names);
        try (JarInputStream jar = new JarInputStream(Files.newInputStream(out))) {
            Manifest manifest = jar.getManifest();
            assertNotNull(manifest, "the manifest stays where JarInputStream (and Felix) look for it");
            assertEquals("org.example.stored", manifest.getMainAttributes().getValue("Bundle-SymbolicName"));
        }
    }
}
