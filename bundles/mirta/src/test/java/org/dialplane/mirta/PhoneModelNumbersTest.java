package org.dialplane.mirta;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class PhoneModelNumbersTest {
    private static final List<String> BUILT_INS = List.of("yealink-t4x-t5x", "grandstream-gxp-grp", "snom-d7xx",
            "polycom-vvx");

    @Test
    void whenBuiltInModels_thenFixedNumbersFiveToEight() {
        assertEquals(Optional.of("yealink-t4x-t5x"), PhoneModelNumbers.model(5, BUILT_INS));
        assertEquals(Optional.of(8L), PhoneModelNumbers.number("polycom-vvx", BUILT_INS));
        assertEquals("5 yealink-t4x-t5x, 6 grandstream-gxp-grp, 7 snom-d7xx, 8 polycom-vvx",
                PhoneModelNumbers.describe(BUILT_INS));
        assertEquals(Optional.empty(), PhoneModelNumbers.model(9, BUILT_INS));
    }

    @Test
    void whenVendorModelsComeAndGo_thenEachKeepsItsNumber() {
        long acme = PhoneModelNumbers.candidate("acme-x1");
        assertEquals(acme, PhoneModelNumbers.candidate("acme-x1"));
        assertEquals(Optional.of(acme), PhoneModelNumbers.number("acme-x1", List.of("acme-x1", "snom-d7xx")));
        assertEquals(Optional.of(acme), PhoneModelNumbers.number("acme-x1", List.of("zeta-z9", "acme-x1")));
        assertEquals(Optional.of("acme-x1"), PhoneModelNumbers.model(acme, List.of("acme-x1")));
        assertEquals(Optional.empty(), PhoneModelNumbers.number("acme-x1", BUILT_INS));
    }

    @Test
    void whenAModelIdIsANumber_thenItIsThatNumberAndTakesItFromABuiltIn() {
        List<String> models = List.of("yealink-t4x-t5x", "5", "42");
        assertEquals(Optional.of("5"), PhoneModelNumbers.model(5, models));
        assertEquals(Optional.of("42"), PhoneModelNumbers.model(42, models));
        assertEquals(Optional.empty(), PhoneModelNumbers.number("yealink-t4x-t5x", models));
    }
}
