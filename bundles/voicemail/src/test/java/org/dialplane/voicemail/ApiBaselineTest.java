package org.dialplane.voicemail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.dialplane.testing.baseline.ApiBaseline;
import org.junit.jupiter.api.Test;

/** The bundle's exported `.api` package versions its changes semantically against the released API. */
class ApiBaselineTest {

    @Test
    void whenTheApiChanges_thenEachExportedPackageVersionIsBumpedEnough() throws Exception {
        assertEquals(List.of(), ApiBaseline.problems());
    }
}
