package org.dialplane.responsepaths;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.dialplane.responsepaths.api.Destination;
import org.dialplane.responsepaths.api.Variable;
import org.junit.jupiter.api.Test;

class PathDialplanTest {
    private static final Path VOICE = Path.of("/var/spool/asterisk/responsepaths");

    private static Definition path(List<String> prompts, boolean voicefile, Destination destination) {
        return new Definition(19, 1, "Support\nline", prompts, List.of(new Variable(85L, "ClientID", 8),
                new Variable(144L, "OrderNumber", null)), voicefile, destination);
    }

    @Test
    void whenPathGenerated_thenItEmitsTheContractsStepsInOrder() {
        String text = PathDialplan.generate(List.of(path(List.of("3", "4", "5"), false,
                new Destination("queue", "281"))), Map.of("3", "custom/welcome", "4", "custom/DEVEL/media-4",
                        "5", "custom/DEVEL/media-5"), VOICE);

        assertTrue(text.startsWith("[dp-responsepath-19]\n; Support line\nexten => s,1,NoOp("), text);
        List<String> lines = List.of(text.split("\n"));
        assertTrue(lines.contains(" same => n,UserEvent(ResponsePath,Path: 19,Step: START,TypeId: 0,Value: "
                + "${STRFTIME(${EPOCH},,%Y-%m-%d %H:%M:%S)})"));
        assertTrue(lines.contains(" same => n,UserEvent(ResponsePath,Path: 19,Step: CALLERID,TypeId: 0,Value: "
                + "${REPLACE(DP_RP_CALLER,\\,)})"));
        assertTrue(lines.contains(" same => n,Playback(custom/welcome)"), text);
        assertTrue(lines.contains(" same => n,Read(DP_RP_85,custom/DEVEL/media-4,8,,1,10)"), text);
        assertTrue(lines.contains(" same => n,UserEvent(ResponsePath,Path: 19,Step: VARIABLE,TypeId: 85,Value: "
                + "${DP_RP_85})"));
        assertTrue(lines.contains(" same => n,Read(DP_RP_144,custom/DEVEL/media-5,20,,1,10)"), text);
        assertTrue(lines.indexOf(" same => n,Playback(custom/welcome)") < lines.indexOf(
                " same => n,Read(DP_RP_85,custom/DEVEL/media-4,8,,1,10)"));
        assertEquals(" same => n,Goto(ext-queues,281,1)", lines.get(lines.size() - 1));
        assertFalse(text.contains("Record("));
        assertTrue(lines.stream().noneMatch(line -> line.startsWith("#")));
    }

    @Test
    void whenVoicefileAsked_thenItRecordsUnderTheSpoolAndReportsTheFileAlsoOnHangup() {
        String text = PathDialplan.generate(List.of(path(List.of(), true, new Destination("extension", "104"))),
                Map.of(), VOICE);

        assertTrue(text.contains(" same => n,Read(DP_RP_85,beep,8,,1,10)\n"), text);
        assertTrue(text.contains(" same => n,Record(/var/spool/asterisk/responsepaths/19/${UNIQUEID}.wav,5,180,k)\n"),
                text);
        assertTrue(text.contains(" same => n,UserEvent(ResponsePath,Path: 19,Step: VOICEFILE,TypeId: 0,Value: "
                + "${UNIQUEID}.wav)\n same => n,Goto(from-did-direct,104,1)\n"), text);
        assertTrue(text.contains("exten => h,1,GotoIf($[\"${DP_RP_RECORDING}\" != \"1\"]?done)\n"), text);
    }

    @Test
    void whenASoundNameCouldBreakTheLine_thenThePromptIsLeftOut() {
        String text = PathDialplan.generate(List.of(path(List.of("3", "4", "5"), false,
                new Destination("custom", "crm-lookup,s,1"))), Map.of("3", "custom/x),Hangup(", "4", "../../etc/x"),
                VOICE);

        assertFalse(text.contains("Hangup("), text);
        assertFalse(text.contains("etc/x"), text);
        assertTrue(text.contains(" same => n,Read(DP_RP_85,beep,8,,1,10)\n"), text);
        assertTrue(text.contains(" same => n,Goto(crm-lookup,s,1)\n"), text);
    }

    @Test
    void whenDestinationsGenerated_thenEachTypeJumpsWhereIssabelPbxDoes() {
        assertEquals("from-did-direct,104,1", Destinations.target(new Destination("extension", "104")));
        assertEquals("ext-queues,281,1", Destinations.target(new Destination("queue", "281")));
        assertEquals("ext-group,600,1", Destinations.target(new Destination("ringgroup", "600")));
        assertEquals("crm,s,1", Destinations.target(new Destination("custom", "crm,s,1")));
    }
}
