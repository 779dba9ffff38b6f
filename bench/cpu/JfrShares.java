import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Shares of a recording's CPU samples (jdk.ExecutionSample) on the request threads: for each method, the share
 * of samples with that method anywhere on the stack (inclusive, counted once per sample), and the share of
 * samples whose top frame it is (self).
 *
 *   java bench/cpu/JfrShares.java REC.jfr [THREAD_REGEX] [TOP] [FRAME_REGEX...]
 *
 * THREAD_REGEX picks the threads (default: Jetty's pool, "qtp.*"); TOP is how many methods to list (default 80);
 * each FRAME_REGEX adds a line "samples with a frame matching it" (e.g. a package or a class). With the system
 * property callers=REGEX, the samples whose top frame matches REGEX are also counted by their next 5 frames (who
 * calls the hot method).
 */
public final class JfrShares {
    public static void main(String[] args) throws Exception {
        Pattern threads = Pattern.compile(args.length > 1 ? args[1] : "qtp.*");
        int top = args.length > 2 ? Integer.parseInt(args[2]) : 80;
        Map<String, Pattern> groups = new LinkedHashMap<>();
        for (int i = 3; i < args.length; i++) {
            groups.put(args[i], Pattern.compile(args[i]));
        }
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> grouped = new LinkedHashMap<>();
        String callersOf = System.getProperty("callers");
        Map<String, Integer> callers = new HashMap<>();
        groups.keySet().forEach(g -> grouped.put(g, 0));
        int samples = 0;
        int allSamples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            allSamples++;
            var thread = event.getThread("sampledThread");
            RecordedStackTrace stack = event.getStackTrace();
            if (thread == null || stack == null || thread.getJavaName() == null
                    || !threads.matcher(thread.getJavaName()).matches()) {
                continue;
            }
            samples++;
            Set<String> seen = new HashSet<>();
            List<String> names = new ArrayList<>();
            for (RecordedFrame frame : stack.getFrames()) {
                names.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName());
            }
            if (!names.isEmpty()) {
                self.merge(names.get(0), 1, Integer::sum);
                if (callersOf != null && Pattern.compile(callersOf).matcher(names.get(0)).find()) {
                    callers.merge(String.join(" < ", names.subList(0, Math.min(6, names.size()))), 1, Integer::sum);
                }
            }
            for (String name : names) {
                if (seen.add(name)) {
                    inclusive.merge(name, 1, Integer::sum);
                }
            }
            for (var group : groups.entrySet()) {
                if (names.stream().anyMatch(n -> group.getValue().matcher(n).find())) {
                    grouped.merge(group.getKey(), 1, Integer::sum);
                }
            }
        }
        System.out.printf("%d request-thread samples (of %d CPU samples)%n", samples, allSamples);
        final int total = Math.max(1, samples);
        grouped.forEach((g, n) -> System.out.printf("%6.1f%%  %5d  any frame ~ %s%n", 100.0 * n / total, n, g));
        System.out.println("-- inclusive");
        inclusive.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf("%6.1f%%  %5d  %s%n", 100.0 * e.getValue() / total, e.getValue(),
                        e.getKey()));
        if (callersOf != null) {
            System.out.println("-- callers of " + callersOf);
            callers.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                    .forEach(e -> System.out.printf("%6.1f%%  %5d  %s%n", 100.0 * e.getValue() / total,
                            e.getValue(), e.getKey()));
        }
        System.out.println("-- self (top frame)");
        self.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top / 2)
                .forEach(e -> System.out.printf("%6.1f%%  %5d  %s%n", 100.0 * e.getValue() / total, e.getValue(),
                        e.getKey()));
    }
}
