package org.dialplane.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MediaResourceTest {

    @Test
    void whenAFormUploadHasNoName_thenTheFileNameWithoutFolderAndExtensionIsUsed() {
        assertEquals("welcome", MediaResource.nameOf("welcome.wav"));
        assertEquals("night menu", MediaResource.nameOf("C:\\prompts\\night menu.WAV"));
        assertEquals("a", MediaResource.nameOf("../../a.wav"));
        assertEquals("x".repeat(50), MediaResource.nameOf("x".repeat(80) + ".wav"));
        assertEquals("Upload", MediaResource.nameOf(null));
        assertEquals("Upload", MediaResource.nameOf(".wav"));
        assertEquals("ab", MediaResource.nameOf("a\r\nb.wav"));
    }
}
