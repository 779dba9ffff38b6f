package org.dialplane.itests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** WAV files made and read by the tests with the JDK's sound API: what a client would upload and play. */
final class AudioFiles {
    static final AudioFormat STEREO_44K_16 = new AudioFormat(44100, 16, 2, true, false);
    static final AudioFormat MONO_11K_8 = new AudioFormat(11025, 8, 1, false, false);
    static final AudioFormat MULAW_8K = new AudioFormat(AudioFormat.Encoding.ULAW, 8000, 8, 1, 1, 8000, false);

    private AudioFiles() {
    }

    /** {@code seconds} of a 440 Hz tone at half of full scale in {@code format}, as a WAV file. */
    static byte[] tone(AudioFormat format, double seconds) {
        AudioFormat pcm = new AudioFormat(format.getSampleRate(), 16, format.getChannels(), true, false);
        int frames = (int) Math.round(format.getSampleRate() * seconds);
        byte[] samples = new byte[frames * pcm.getFrameSize()];
        for (int f = 0; f < frames; f++) {
            short value = (short) Math.round(16384 * Math.sin(2 * Math.PI * 440 * f / format.getSampleRate()));
            for (int c = 0; c < format.getChannels(); c++) {
                samples[f * pcm.getFrameSize() + 2 * c] = (byte) value;
                samples[f * pcm.getFrameSize() + 2 * c + 1] = (byte) (value >> 8);
            }
        }
        try {
            AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(samples), pcm, frames);
            AudioInputStream encoded = format.matches(pcm) ? in : AudioSystem.getAudioInputStream(format, in);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            AudioSystem.write(encoded, AudioFileFormat.Type.WAVE, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a WAV holds, as the JDK reads it: its format and its number of frames. */
    record Audio(AudioFormat format, long frames) {
        double seconds() {
            return frames / format.getFrameRate();
        }

        /** 8 kHz, 16-bit, mono, signed little-endian PCM: what Asterisk plays best. */
        boolean isTelephonePcm() {
            return format.getEncoding().equals(AudioFormat.Encoding.PCM_SIGNED) && format.getSampleRate() == 8000
                    && format.getSampleSizeInBits() == 16 && format.getChannels() == 1 && !format.isBigEndian();
        }
    }

    /** Reads a whole WAV, checking that its data is as long as its header says. */
    static Audio read(byte[] wav) {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            AudioFileFormat file = AudioSystem.getAudioFileFormat(new ByteArrayInputStream(wav));
            if (file.getType() != AudioFileFormat.Type.WAVE) {
                throw new AssertionError("Not a WAV: " + file.getType());
            }
            long bytes = in.readAllBytes().length;
            long frames = bytes / in.getFormat().getFrameSize();
            if (in.getFrameLength() != frames) {
                throw new AssertionError("The header says " + in.getFrameLength() + " frames, the data holds " + frames);
            }
            return new Audio(in.getFormat(), frames);
        } catch (Exception e) {
            throw new AssertionError("Not a readable WAV of " + wav.length + " bytes: " + e, e);
        }
    }
}
