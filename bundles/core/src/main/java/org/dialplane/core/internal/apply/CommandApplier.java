package org.dialplane.core.internal.apply;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Applies by running the configured command directly (no shell), with a timeout, capturing its output
 * (stdout and stderr together, the last 16 KiB kept).
 */
final class CommandApplier implements Applier {
    private static final int OUTPUT_LIMIT = 16 * 1024;

    private final List<String> argv;
    private final Duration timeout;

    CommandApplier(String command, Duration timeout) {
        this.argv = CommandLine.split(command);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("the apply command is empty");
        }
        this.timeout = timeout;
    }

    @Override
    public String method() {
        return "command";
    }

    @Override
    public Outcome apply() {
        Process process;
        try {
            process = new ProcessBuilder(argv).redirectErrorStream(true).start();
        } catch (IOException | RuntimeException e) {
            return Outcome.failure("cannot run " + argv.get(0) + ": " + e.getMessage(), null);
        }
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // nothing to close
        }
        OutputTail tail = new OutputTail(process.getInputStream());
        Thread reader = new Thread(tail, "dialplane-apply-output");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                reader.join(1000);
                return Outcome.failure(argv.get(0) + " did not finish within " + timeout.toSeconds() + " s",
                        tail.text());
            }
            reader.join(1000);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return Outcome.failure("interrupted", tail.text());
        }
        int exit = process.exitValue();
        return exit == 0 ? Outcome.success(tail.text())
                : Outcome.failure(argv.get(0) + " exited with " + exit, tail.text());
    }

    /** Reads a process's output to the end, keeping the last {@link #OUTPUT_LIMIT} bytes. */
    private static final class OutputTail implements Runnable {
        private final InputStream in;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

        OutputTail(InputStream in) {
            this.in = in;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[4096];
            try (in) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    synchronized (kept) {
                        kept.write(buffer, 0, read);
                        if (kept.size() > 2 * OUTPUT_LIMIT) {
                            byte[] all = kept.toByteArray();
                            kept.reset();
                            kept.write(all, all.length - OUTPUT_LIMIT, OUTPUT_LIMIT);
                        }
                    }
                }
            } catch (IOException closed) {
                // the process ended or was killed
            }
        }

        String text() {
            synchronized (kept) {
                byte[] all = kept.toByteArray();
                int from = Math.max(0, all.length - OUTPUT_LIMIT);
                return new String(all, from, all.length - from, StandardCharsets.UTF_8).strip();
            }
        }
    }
}
