package org.dialplane.mirta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

class ParametersTest {

    @Test
    void whenPercentIsNotAnEscape_thenItIsKeptAsPhpKeepsIt() {
        Parameters parameters = Parameters.of("reqtype=INFO&tenant=%&start=2017-01-01&x=%zz%4", null);
        assertEquals("%", parameters.get("tenant"));
        assertEquals("%zz%4", parameters.get("x"));
        assertEquals("2017-01-01", parameters.get("start"));
    }

    @Test
    void whenEncoded_thenPlusIsASpaceAndEscapesAreUtf8() {
        Parameters parameters = Parameters.of("var=callid%3D453131&name=Relax+%26+caf%C3%A9", null);
        assertEquals("callid=453131", parameters.get("var"));
        assertEquals("Relax & café", parameters.get("name"));
    }

    @Test
    void whenSentTwice_thenTheLastWinsTheBodyOverTheQueryAndAllAreKept() {
        Parameters parameters = Parameters.of("key=a&var=x%3D1&var[]=y%3D2", "key=b&var=z%3D3");
        assertEquals("b", parameters.get("key"));
        assertEquals(List.of("x=1", "y=2", "z=3"), parameters.all("var"));
    }

    @Test
    void whenSentEmptyOrWithoutValue_thenNotSent() {
        Parameters parameters = Parameters.of("tenant=&flag&&=orphan", null);
        assertNull(parameters.get("tenant"));
        assertNull(parameters.get("flag"));
        assertNull(parameters.get(""));
    }
}
