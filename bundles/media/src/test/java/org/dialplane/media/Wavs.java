package org.dialplane.media;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** Audio files made in the tests: a sine tone in any format the JDK writes. */
final class Wavs {
    private Wavs() {
    }

    static final AudioFormat STEREO_44K_16 = new AudioFormat(44100, 16, 2, true, false);
    static final AudioFormat MONO_22K_8 = new AudioFormat(22050, 8, 1, false, false);
    static final AudioFormat STEREO_48K_24 = new AudioFormat(48000, 24, 2, true, false);
    static final AudioFormat MULAW_8K = new AudioFormat(AudioFormat.Encoding.ULAW, 8000, 8, 1, 1, 8000, false);
    static final AudioFormat ALAW_8K = new AudioFormat(AudioFormat.Encoding.ALAW, 8000, 8, 1, 1, 8000, false);

    /** {@code seconds} of a sine at {@code hz}, half of full scale, in {@code format}, as a WAV file. */
    static byte[] tone(AudioFormat format, double hz, double seconds) {
        return file(format, hz, seconds, AudioFileFormat.Type.WAVE);
    }

    static byte[] file(AudioFormat format, double hz, double seconds, AudioFileFormat.Type type) {
        AudioFormat pcm = new AudioFormat(format.getSampleRate(), 16, format.getChannels(), true, false);
        int frames = (int) Math.round(format.getSampleRate() * seconds);
        byte[] samples = new byte[frames * pcm.getFrameSize()];
        for (int f = 0; f < frames; f++) {
            short value = (short) Math.round(16384 * Math.sin(2 * Math.PI * hz * f / format.getSampleRate()));
            for (int c = 0; c < format.getChannels(); c++) {
                int at = f * pcm.getFrameSize() + 2 * c;
                samples[at] = (byte) value;
                samples[at + 1] = (byte) (value >> 8);
            }
        }
        try {
            AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(samples), pcm, frames);
            AudioInputStream encoded = format.matches(pcm) ? in : AudioSystem.getAudioInputStream(format, in);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            AudioSystem.write(encoded, type, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 16-bit samples of a mono PCM WAV. */
    static short[] samples(byte[] wav) {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            byte[] bytes = in.readAllBytes();
            short[] samples = new short[bytes.length / 2];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = (short) ((bytes[2 * i] & 0xff) | (bytes[2 * i + 1] << 8));
            }
            return samples;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Root mean square of the samples between {@code skip} and {@code length - skip}, as a fraction of full scale. */
    static double rms(short[] samples, int skip) {
        double sum = 0;
        for (int i = skip; i < samples.length - skip; i++) {
            sum += (double) samples[i] * samples[i];
        }
        return Math.sqrt(sum / (samples.length - 2 * skip)) / 32768;
    }
}
