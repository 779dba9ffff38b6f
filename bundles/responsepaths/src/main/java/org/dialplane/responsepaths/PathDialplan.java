package org.dialplane.responsepaths;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.dialplane.responsepaths.api.Variable;

/**
 * The dialplan of the response paths: one context {@code dp-responsepath-<id>} per path, entered at {@code s}. It
 * answers, emits START and CALLERID, plays the leading prompts, reads each variable (its prompt played by Read, or
 * a beep), records the voice message when asked, then jumps to the destination; each step is a
 * {@code UserEvent(ResponsePath,Path: <id>,Step: <TYPE>,TypeId: <n>,Value: <value>)} on the caller's channel (the
 * recording contract). Values put into a UserEvent lose their commas, which would split its fields.
 */
final class PathDialplan {
    /** What Asterisk may be told to play: a sound name relative to the sounds folder ({@code &} joins several). */
    static final Pattern SOUND = Pattern.compile("[A-Za-z0-9_/.&-]{1,200}");
    /** A folder Asterisk may write voice messages to: nothing that would break the Record() line. */
    static final Pattern FOLDER = Pattern.compile("/[A-Za-z0-9_/.+-]{0,250}");
    /** Seconds of silence that end a voice message, and its longest length. */
    static final int SILENCE_SECONDS = 5;
    static final int MAX_MESSAGE_SECONDS = 180;
    /** Seconds Read() waits for the caller's digits. */
    static final int READ_TIMEOUT_SECONDS = 10;

    private PathDialplan() {
    }

    /**
     * The text of every path's context, in id order.
     *
     * @param sounds     media id -> its sound name ({@code recordings.filename}); a prompt without one is skipped
     * @param voiceRoot  the folder voice messages go to ({@code <spool>/responsepaths}), or null for none
     */
    static String generate(List<Definition> paths, Map<String, String> sounds, Path voiceRoot) {
        StringBuilder text = new StringBuilder();
        for (Definition path : paths) {
            context(text, path, sounds, voiceRoot);
        }
        return text.toString();
    }

    private static void context(StringBuilder text, Definition path, Map<String, String> sounds, Path voiceRoot) {
        long id = path.id();
        text.append('[').append(path.context()).append("]\n");
        text.append("; ").append(printable(path.name())).append('\n');
        text.append("exten => s,1,NoOp(Dialplane response path ").append(id).append(")\n");
        line(text, "Answer()");
        line(text, event(id, "START", "0", "${STRFTIME(${EPOCH},,%Y-%m-%d %H:%M:%S)}"));
        line(text, "Set(DP_RP_CALLER=${CALLERID(name)} <${CALLERID(num)}>)");
        line(text, event(id, "CALLERID", "0", "${REPLACE(DP_RP_CALLER,\\,)}"));
        List<String> prompts = path.prompts();
        List<Variable> variables = path.variables();
        int leading = Math.max(0, prompts.size() - variables.size());
        for (int i = 0; i < leading; i++) {
            String sound = playable(sounds.get(prompts.get(i)));
            if (sound != null) {
                line(text, "Playback(" + sound + ")");
            }
        }
        for (int i = 0; i < variables.size(); i++) {
            Variable variable = variables.get(i);
            String sound = leading + i < prompts.size() ? playable(sounds.get(prompts.get(leading + i))) : null;
            int digits = variable.maxDigits() == null ? Variable.DEFAULT_MAX_DIGITS : variable.maxDigits();
            String name = "DP_RP_" + variable.id();
            text.append("; ").append(printable(variable.name())).append('\n');
            line(text, "Read(" + name + "," + (sound == null ? "beep" : sound) + "," + digits + ",,1,"
                    + READ_TIMEOUT_SECONDS + ")");
            line(text, event(id, "VARIABLE", Long.toString(variable.id()), "${" + name + "}"));
        }
        boolean recording = path.voicefile() && voiceRoot != null && FOLDER.matcher(voiceRoot.toString()).matches();
        String file = "${UNIQUEID}.wav";
        if (recording) {
            line(text, "Set(DP_RP_RECORDING=1)");
            line(text, "Record(" + voiceRoot.resolve(Long.toString(id)) + "/" + file + "," + SILENCE_SECONDS + ","
                    + MAX_MESSAGE_SECONDS + ",k)");
            line(text, "Set(DP_RP_RECORDING=0)");
            line(text, event(id, "VOICEFILE", "0", file));
        }
        line(text, "Goto(" + Destinations.target(path.destination()) + ")");
        if (recording) {
            // A caller who hangs up while recording leaves a message too (Record's k option keeps it).
            text.append("exten => h,1,GotoIf($[\"${DP_RP_RECORDING}\" != \"1\"]?done)\n");
            line(text, event(id, "VOICEFILE", "0", file));
            text.append(" same => n(done),NoOp()\n");
        }
        text.append('\n');
    }

    private static String event(long path, String step, String typeId, String value) {
        return "UserEvent(ResponsePath,Path: " + path + ",Step: " + step + ",TypeId: " + typeId + ",Value: " + value
                + ")";
    }

    private static void line(StringBuilder text, String application) {
        text.append(" same => n,").append(application).append('\n');
    }

    private static String playable(String sound) {
        return sound != null && SOUND.matcher(sound).matches() && !sound.contains("..") ? sound : null;
    }

    /** A name in a comment line: one line, printable. */
    private static String printable(String text) {
        return text.replaceAll("[\\p{Cntrl}]", " ");
    }
}
