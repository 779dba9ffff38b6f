package org.dialplane.mirta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MediaFileFormsTest {

    @Test
    void whenMediafileHasObjectid_thenItIsTheResponsePathsVoiceFile() {
        ProxyRequest seed = new ProxyRequest(Parameters.of(
                "reqtype=MEDIAFILE&tenant=DEVEL&id=19&action=GETAUDIO&objectid=3619", null));
        assertEquals("VOICEFILE", Catalog.form("MEDIAFILE", seed));
        assertTrue(Catalog.find("MEDIAFILE", "VOICEFILE").orElseThrow().provider().contains("responsepaths"));
    }

    @Test
    void whenMediafileHasNoObjectid_thenItIsTheMediaFile() {
        ProxyRequest media = new ProxyRequest(Parameters.of("reqtype=MEDIAFILE&id=19&action=GETAUDIO&objectid=",
                null));
        assertEquals("", Catalog.form("MEDIAFILE", media));
        assertTrue(Catalog.find("MEDIAFILE", "").orElseThrow().provider().contains("media"));
        assertEquals("", Catalog.form("VOICEMAIL", media));
    }
}
