package org.dialplane.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoundFilesTest {
    @TempDir
    Path root;

    private SoundFiles files() {
        return new SoundFiles(() -> root.resolve("sounds"));
    }

    @Test
    void whenSoundNamesAreChecked_thenOnlyPlainNamesUnderCustomAreUsable() {
        assertTrue(SoundFiles.usable("custom/welcome"));
        assertTrue(SoundFiles.usable("custom/DEVEL/media-12"));
        assertFalse(SoundFiles.usable("custom/../../etc/passwd"));
        assertFalse(SoundFiles.usable("custom/.hidden"));
        assertFalse(SoundFiles.usable("en/welcome"));
        assertFalse(SoundFiles.usable("/custom/welcome"));
        assertFalse(SoundFiles.usable("custom/a&custom/b"));
        assertFalse(SoundFiles.usable("custom/a b"));
        assertFalse(SoundFiles.usable(null));
    }

    @Test
    void whenAConvertedFileIsInstalled_thenItReplacesTheWavAndOtherFormatsGo() throws Exception {
        Path folder = Files.createDirectories(root.resolve("sounds/custom/T1"));
        Files.write(folder.resolve("media-3.wav"), new byte[] {1});
        Files.write(folder.resolve("media-3.gsm"), new byte[] {2});
        Files.write(folder.resolve("media-30.wav"), new byte[] {3});
        Path converted = files().temporary("custom/T1/media-3");
        assertEquals(folder, converted.getParent());
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(converted)));
        Files.write(converted, new byte[] {7, 7});

        files().install(converted, "custom/T1/media-3");

        assertArrayEquals(new byte[] {7, 7}, Files.readAllBytes(folder.resolve("media-3.wav")));
        assertFalse(Files.exists(folder.resolve("media-3.gsm")));
        assertTrue(Files.exists(folder.resolve("media-30.wav")), "another media file's sound is left alone");
        assertFalse(Files.exists(converted));
    }

    @Test
    void whenASoundIsFound_thenTheWavComesFirstAndOnlyFilesInsideTheSoundsFolder() throws Exception {
        Path custom = Files.createDirectories(root.resolve("sounds/custom"));
        Files.write(custom.resolve("hello.gsm"), new byte[1]);
        assertEquals(Optional.of(custom.resolve("hello.gsm")), files().find("custom/hello"));
        Files.write(custom.resolve("hello.wav"), new byte[1]);
        assertEquals(Optional.of(custom.resolve("hello.wav")), files().find("custom/hello"));
        assertEquals(Optional.empty(), files().find("custom/missing"));

        Files.write(root.resolve("secret.wav"), new byte[1]);
        Files.createSymbolicLink(custom.resolve("escape.wav"), root.resolve("secret.wav"));
        assertEquals(Optional.empty(), files().find("custom/escape"), "a link leading out is not served");
    }

    @Test
    void whenATemporaryFileIsAskedForAnUnusableSound_thenRefused() {
        assertThrows(IllegalArgumentException.class, () -> files().temporary("custom/../x"));
    }

    @Test
    void whenASoundIsDeleted_thenEveryFormatGoes() throws Exception {
        Path folder = Files.createDirectories(root.resolve("sounds/custom/T1"));
        Files.write(folder.resolve("media-4.wav"), new byte[1]);
        Files.write(folder.resolve("media-4.ulaw"), new byte[1]);
        files().delete("custom/T1/media-4");
        try (var left = Files.list(folder)) {
            assertEquals(0, left.count());
        }
    }
}
