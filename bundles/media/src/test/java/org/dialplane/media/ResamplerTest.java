package org.dialplane.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ResamplerTest {
    private static final double SINE_RMS = 0.5 / Math.sqrt(2); // a sine at half of full scale

    @Test
    void whenToneInPassBand_thenKeptAtItsLevelAndPitch() {
        short[] out = resample(44100, 8000, sine(44100, 1000, 44100), 44100);
        assertEquals(8000, out.length);
        assertEquals(SINE_RMS, rms(out), 0.01);
        assertEquals(2000, zeroCrossings(out), 4, "a 1 kHz tone crosses zero 2,000 times a second");
    }

    @Test
    void whenToneAboveTheNewNyquistFrequency_thenRemovedRatherThanFolded() {
        short[] out = resample(44100, 8000, sine(44100, 6000, 44100), 44100);
        assertTrue(rms(out) < SINE_RMS / 300, "6 kHz is above 4 kHz: at least 50 dB down, was " + rms(out));
    }

    @Test
    void whenToneNearTheTopOfThePassBand_thenKept() {
        short[] out = resample(48000, 8000, sine(48000, 3300, 48000), 48000);
        assertEquals(SINE_RMS, rms(out), 0.02);
    }

    @Test
    void whenUpsampling_thenToneKeptAndDurationScaled() {
        short[] out = resample(6000, 8000, sine(6000, 1000, 12000), 12000);
        assertEquals(16000, out.length);
        assertEquals(SINE_RMS, rms(out), 0.01);
    }

    @Test
    void whenInputArrivesInOddBlocks_thenOutputIsTheSameAsInOneBlock() {
        float[] input = sine(22050, 440, 22050);
        assertArrayEquals(resample(22050, 8000, input, input.length), resample(22050, 8000, input, 333));
        assertArrayEquals(resample(22050, 8000, input, input.length), resample(22050, 8000, input, 1));
    }

    @Test
    void whenInputIsShorterThanTheFilter_thenOutputStillHasItsDuration() {
        assertEquals(2, resample(44100, 8000, sine(44100, 100, 11), 11).length);
    }

    private static short[] resample(double inRate, double outRate, float[] input, int blockSize) {
        List<Short> out = new ArrayList<>();
        Resampler resampler = new Resampler(inRate, outRate, out::add);
        for (int from = 0; from < input.length; from += blockSize) {
            int n = Math.min(blockSize, input.length - from);
            float[] block = new float[n];
            System.arraycopy(input, from, block, 0, n);
            resampler.accept(block, n);
        }
        resampler.finish();
        short[] samples = new short[out.size()];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = out.get(i);
        }
        return samples;
    }

    private static float[] sine(double rate, double hz, int count) {
        float[] samples = new float[count];
        for (int i = 0; i < count; i++) {
            samples[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return samples;
    }

    /** Away from the edges, where the filter sees the start and the end. */
    private static double rms(short[] samples) {
        return Wavs.rms(samples, 200);
    }

    private static int zeroCrossings(short[] samples) {
        int crossings = 0;
        for (int i = 1; i < samples.length; i++) {
            if ((samples[i - 1] < 0) != (samples[i] < 0)) {
                crossings++;
            }
        }
        return crossings;
    }
}
