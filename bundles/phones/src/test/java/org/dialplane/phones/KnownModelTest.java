package org.dialplane.phones;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dialplane.phones.api.PhoneModel;
import org.dialplane.phones.api.ProvisioningFile;
import org.junit.jupiter.api.Test;

class KnownModelTest {

    @Test
    void whenBuiltInModelsChecked_thenEveryTemplateIsValidAndFileNamesAreTheVendors() {
        Map<String, List<String>> files = Map.of("yealink-t4x-t5x", List.of("{mac}.cfg"),
                "grandstream-gxp-grp", List.of("cfg{mac}.xml"), "snom-d7xx", List.of("{MAC}.xml", "{mac}.xml"),
                "polycom-vvx", List.of("{mac}.cfg", "{mac}-lines.cfg"));
        for (PhoneModel model : BuiltInModels.models()) {
            KnownModel known = KnownModel.of(model);
            assertEquals(files.get(known.id()), known.files().stream().map(KnownModel.File::pattern).toList());
        }
        assertEquals(4, BuiltInModels.models().size());
    }

    @Test
    void whenFileNameAsked_thenTheMacItIsForIsFound() {
        KnownModel grandstream = KnownModel.of(BuiltInModels.models().get(1));
        assertEquals(Set.of("AA:BB:CC:DD:EE:0F"), grandstream.macsIn("cfgaabbccddee0f.xml"));
        assertEquals(Set.of(), grandstream.macsIn("cfgAABBCCDDEE0F.xml"), "Grandstream asks in lower case");
        assertEquals(Set.of(), grandstream.macsIn("cfg000000000000.xml"));
        KnownModel snom = KnownModel.of(BuiltInModels.models().get(2));
        assertEquals("AABBCCDDEE0F.xml", snom.files().get(0).nameFor("AA:BB:CC:DD:EE:0F"));
        KnownModel polycom = KnownModel.of(BuiltInModels.models().get(3));
        assertEquals("{mac}-lines.cfg", polycom.file("aabbccddee0f-lines.cfg", "AA:BB:CC:DD:EE:0F").orElseThrow()
                .pattern());
    }

    @Test
    void whenModelBreaksTheRules_thenRefusedSayingWhy() {
        assertRefused(model("Bad Id", 1, "{mac}.cfg", "x"), "id");
        assertRefused(model("ok", 0, "{mac}.cfg", "x"), "lines");
        assertRefused(model("ok", 1, "config.cfg", "x"), "{mac}");
        assertRefused(model("ok", 1, "../{mac}.cfg", "x"), "{mac}");
        assertRefused(model("ok", 1, "{mac}{MAC}.cfg", "x"), "{mac}");
        assertRefused(model("ok", 1, "{mac}.cfg", "{{line2_secret}}"), "line2_secret");
    }

    private static void assertRefused(PhoneModel model, String saying) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> KnownModel.of(model));
        assertTrue(refused.getMessage().contains(saying), refused.getMessage());
    }

    private static PhoneModel model(String id, int lines, String file, String template) {
        return new BuiltInModels.BuiltIn(id, "Vendor", "Name", lines,
                List.of(new ProvisioningFile(file, "text/plain", template)));
    }
}
