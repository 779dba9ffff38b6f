package org.dialplane.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;

import org.dialplane.core.rest.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioConverterTest {
    private static final double SINE_RMS = 0.5 / Math.sqrt(2);

    @TempDir
    Path dir;

    private final AudioConverter converter = new AudioConverter(600);

    @Test
    void whenStereo44kHz16Bit_thenMono8kHz16BitOfTheSameDuration() throws Exception {
        assertConverted(Wavs.STEREO_44K_16, 2.0);
    }

    @Test
    void whenMono22kHz8BitUnsigned_thenConverted() throws Exception {
        assertConverted(Wavs.MONO_22K_8, 1.5);
    }

    @Test
    void whenStereo48kHz24Bit_thenConverted() throws Exception {
        assertConverted(Wavs.STEREO_48K_24, 1.0);
    }

    @Test
    void whenMuLaw_thenConverted() throws Exception {
        assertConverted(Wavs.MULAW_8K, 2.5);
    }

    @Test
    void whenALaw_thenConverted() throws Exception {
        assertConverted(Wavs.ALAW_8K, 0.5);
    }

    @Test
    void whenTextFileNamedWav_thenUnsupportedNamingTheFormats() throws Exception {
        ApiException e = refused("hello, this is not audio at all\n".repeat(20).getBytes(StandardCharsets.UTF_8));
        assertEquals(415, e.problem().status());
        assertTrue(e.problem().detail().contains("mu-law"), e.problem().detail());
    }

    @Test
    void whenAiff_thenUnsupportedThoughTheJdkReadsIt() throws Exception {
        byte[] aiff = Wavs.file(new AudioFormat(8000, 16, 1, true, true), 440, 0.5, AudioFileFormat.Type.AIFF);
        assertEquals(415, refused(aiff).problem().status());
    }

    @Test
    void whenRiffHeaderFollowedByGarbage_thenUnsupported() throws Exception {
        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        System.arraycopy("RIFF\0\0\0\0WAVE".getBytes(StandardCharsets.US_ASCII), 0, garbage, 0, 12);
        assertEquals(415, refused(garbage).problem().status());
    }

    @Test
    void whenFloatSamples_thenUnsupported() throws Exception {
        AudioFormat floats = new AudioFormat(AudioFormat.Encoding.PCM_FLOAT, 8000, 32, 1, 4, 8000, false);
        byte[] wav = Wavs.tone(floats, 440, 0.2);
        assertEquals(415, refused(wav).problem().status());
    }

    @Test
    void whenLongerThanTheLimit_thenInvalidAndNothingWritten() throws Exception {
        Path source = Files.write(dir.resolve("in"), Wavs.tone(Wavs.MULAW_8K, 440, 2.5));
        ApiException e = assertThrows(ApiException.class,
                () -> new AudioConverter(2).convert(source, dir.resolve("out.wav")));
        assertEquals(422, e.problem().status());
        assertTrue(e.problem().detail().contains("longer than 2 seconds"), e.problem().detail());
        assertTrue(Files.notExists(dir.resolve("out.wav")));
    }

    @Test
    void whenNoFrames_thenInvalid() throws Exception {
        assertEquals(422, refused(Wavs.tone(Wavs.STEREO_44K_16, 440, 0)).problem().status());
    }

    private void assertConverted(AudioFormat format, double seconds) throws Exception {
        Path source = Files.write(dir.resolve("upload"), Wavs.tone(format, 440, seconds));
        Path target = dir.resolve("out.wav");
        converter.convert(source, target);
        byte[] wav = Files.readAllBytes(target);
        assertEquals(AudioFileFormat.Type.WAVE, AudioSystem.getAudioFileFormat(target.toFile()).getType());
        AudioFormat got = AudioSystem.getAudioFileFormat(target.toFile()).getFormat();
        assertTrue(AudioConverter.TARGET.matches(got), "8 kHz mono 16-bit PCM, was " + got);
        short[] samples = Wavs.samples(wav);
        assertEquals(Math.round(seconds * 8000), samples.length, "frames for " + seconds + " s");
        assertEquals(SINE_RMS, Wavs.rms(samples, 200), 0.02, "the tone's level");
    }

    private ApiException refused(byte[] upload) throws IOException {
        Path source = Files.write(dir.resolve("upload"), upload);
        return assertThrows(ApiException.class, () -> converter.convert(source, dir.resolve("out.wav")));
    }
}
