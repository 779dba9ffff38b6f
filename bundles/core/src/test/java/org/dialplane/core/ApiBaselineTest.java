package org.dialplane.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.dialplane.testing.baseline.ApiBaseline;
import org.junit.jupiter.api.Test;

/** Core's exported packages version their changes semantically against the released API (see {@link ApiBaseline}). */
class ApiBaselineTest {

    @Test
    void whenTheApiChanges_thenEachExportedPackageVersionIsBumpedEnough() throws Exception {
        assertEquals(List.of(), ApiBaseline.problems());
    }
}
