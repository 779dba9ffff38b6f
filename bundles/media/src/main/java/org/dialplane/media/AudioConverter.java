package org.dialplane.media;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.Problem;
import org.dialplane.media.api.MediaService;

/**
 * Turns an upload into the audio Asterisk plays best: 8 kHz mono 16-bit PCM WAV. What the upload is comes from its
 * content alone (a RIFF/WAVE header the JDK reads, in one of {@link MediaService#ACCEPTED_FORMATS}); the JDK's
 * sound API decodes it to 16-bit PCM (mu-law, A-law, 8 and 24 bits), the channels are averaged, and
 * {@link Resampler} brings it to 8 kHz.
 */
final class AudioConverter {
    static final float RATE = 8000f;
    /** What Asterisk's {@code wav} format is: signed 16-bit little-endian mono at 8 kHz. */
    static final AudioFormat TARGET = new AudioFormat(RATE, 16, 1, true, false);
    private static final Set<AudioFormat.Encoding> PCM = Set.of(AudioFormat.Encoding.PCM_SIGNED,
            AudioFormat.Encoding.PCM_UNSIGNED);
    private static final Set<AudioFormat.Encoding> G711 = Set.of(AudioFormat.Encoding.ULAW,
            AudioFormat.Encoding.ALAW);
    private static final Set<Integer> PCM_BITS = Set.of(8, 16, 24);
    private static final float MIN_RATE = 1000;
    private static final float MAX_RATE = 384_000;
    private static final int FRAMES_PER_BLOCK = 4096;
    /** The field a 422 names: the audio, whether it came as a raw body or as multipart's {@code filename}. */
    static final String FIELD = "audio";

    private final int maxSeconds;

    AudioConverter(int maxSeconds) {
        this.maxSeconds = maxSeconds;
    }

    /**
     * Converts the upload in {@code source} and writes the result to {@code target}.
     *
     * @throws ApiException 415 when the upload is not an accepted format; 422 when it is longer than the limit or
     *                      holds no audio
     */
    void convert(Path source, Path target) throws IOException {
        requireWaveHeader(source);
        try (AudioInputStream upload = open(source)) {
            AudioFormat format = upload.getFormat();
            requireAccepted(format);
            byte[] pcm = toTarget(AudioSystem.getAudioInputStream(decoded(format), upload), format);
            try (AudioInputStream converted = new AudioInputStream(new ByteArrayInputStream(pcm), TARGET,
                    pcm.length / TARGET.getFrameSize())) {
                AudioSystem.write(converted, AudioFileFormat.Type.WAVE, target.toFile());
            }
        }
    }

    /** {@code RIFF....WAVE}: checked first, so that an AU or AIFF file, which the JDK also reads, is refused. */
    private static void requireWaveHeader(Path source) throws IOException {
        byte[] head = new byte[12];
        int read;
        try (InputStream in = Files.newInputStream(source)) {
            read = in.readNBytes(head, 0, head.length);
        }
        if (read < head.length || !"RIFF".equals(ascii(head, 0)) || !"WAVE".equals(ascii(head, 8))) {
            throw unsupported("The upload is not a WAV file");
        }
    }

    private static AudioInputStream open(Path source) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(source));
        try {
            return AudioSystem.getAudioInputStream(in);
        } catch (UnsupportedAudioFileException | RuntimeException e) {
            in.close();
            throw unsupported("The upload is a WAV file the server cannot read (" + e.getMessage() + ")");
        }
    }

    private static void requireAccepted(AudioFormat format) {
        boolean encoding = PCM.contains(format.getEncoding()) && PCM_BITS.contains(format.getSampleSizeInBits())
                || G711.contains(format.getEncoding()) && format.getSampleSizeInBits() == 8;
        if (!encoding || format.getChannels() < 1) {
            throw unsupported("The upload is " + format.getEncoding() + " audio of " + format.getSampleSizeInBits()
                    + " bits in " + format.getChannels() + " channels");
        }
        if (!(format.getSampleRate() >= MIN_RATE && format.getSampleRate() <= MAX_RATE)) {
            throw unsupported("The upload's sample rate, " + format.getSampleRate() + " Hz, is not from "
                    + (int) MIN_RATE + " to " + (int) MAX_RATE + " Hz");
        }
    }

    /** Signed 16-bit little-endian PCM at the upload's rate and channel count: what the JDK decodes anything to. */
    private static AudioFormat decoded(AudioFormat format) {
        return new AudioFormat(format.getSampleRate(), 16, format.getChannels(), true, false);
    }

    /** Mixes each frame down to one sample and resamples to 8 kHz, counting the duration as it goes. */
    private byte[] toTarget(AudioInputStream pcm, AudioFormat upload) throws IOException {
        int channels = upload.getChannels();
        int frameSize = 2 * channels;
        long maxFrames = (long) Math.ceil(maxSeconds * (double) upload.getSampleRate());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Resampler.Sink sink = sample -> {
            out.write(sample & 0xff);
            out.write((sample >> 8) & 0xff);
        };
        boolean same = upload.getSampleRate() == RATE;
        Resampler resampler = same ? null : new Resampler(upload.getSampleRate(), RATE, sink);
        byte[] block = new byte[FRAMES_PER_BLOCK * frameSize];
        float[] mono = new float[FRAMES_PER_BLOCK];
        long frames = 0;
        int filled = 0;
        try (pcm) {
            for (int read; (read = pcm.read(block, filled, block.length - filled)) >= 0;) {
                filled += read;
                int whole = filled / frameSize;
                frames += whole;
                if (frames > maxFrames) {
                    throw tooLong();
                }
                for (int f = 0; f < whole; f++) {
                    int sum = 0;
                    for (int c = 0; c < channels; c++) {
                        int at = f * frameSize + 2 * c;
                        sum += (short) ((block[at] & 0xff) | (block[at + 1] << 8));
                    }
                    mono[f] = sum / (channels * 32768f);
                }
                if (same) {
                    for (int f = 0; f < whole; f++) {
                        sink.sample((short) Math.round(mono[f] * 32768f));
                    }
                } else {
                    resampler.accept(mono, whole);
                }
                int rest = filled - whole * frameSize; // a frame split across reads waits for its other bytes
                System.arraycopy(block, whole * frameSize, block, 0, rest);
                filled = rest;
            }
        } catch (IOException | IllegalArgumentException e) {
            throw unsupported("The upload's audio could not be decoded (" + e.getMessage() + ")");
        }
        if (frames == 0) {
            throw ApiException.invalid(List.of(new Problem.FieldError(FIELD,
                    "holds no audio")));
        }
        if (resampler != null) {
            resampler.finish();
        }
        return out.toByteArray();
    }

    private ApiException tooLong() {
        return ApiException.invalid(List.of(new Problem.FieldError(FIELD,
                "is longer than " + (maxSeconds % 60 == 0 ? maxSeconds / 60 + " minutes" : maxSeconds + " seconds"))));
    }

    static ApiException unsupported(String what) {
        return new ApiException(415, what + ". Accepted: " + MediaService.ACCEPTED_FORMATS + ".");
    }

    private static String ascii(byte[] bytes, int from) {
        return new String(Arrays.copyOfRange(bytes, from, from + 4), StandardCharsets.US_ASCII);
    }
}
