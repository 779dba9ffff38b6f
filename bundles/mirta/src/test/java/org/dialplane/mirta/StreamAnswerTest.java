package org.dialplane.mirta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.dialplane.core.rest.ApiException;
import org.junit.jupiter.api.Test;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;

/** INFO CDRS's export: streamed as the provider writes it, and its refusal before the first byte still MiRTA's. */
class StreamAnswerTest {

    @Test
    void whenTheProviderRefusesBeforeWriting_thenErrorLineWithItsStatusAndNoAttachment() throws Exception {
        Recorded response = new Recorded();
        new Answer.Stream("text/csv", "cdrs-all.csv", out -> {
            throw ApiException.unavailable("Too many exports at once", 30);
        }).write(response.proxy(), false);

        assertEquals(503, response.status);
        assertEquals("Error|Too many exports at once|", response.body.toString(StandardCharsets.UTF_8));
        assertEquals("30", response.headers.get("Retry-After"));
        assertNull(response.headers.get("Content-Disposition"));
        assertEquals(Answer.TEXT, response.type);
    }

    @Test
    void whenTheProviderWrites_thenItsBytesAsAnAttachment() throws Exception {
        Recorded response = new Recorded();
        new Answer.Stream("text/csv", "cdrs-DEVEL-2017-01-01.csv", out -> out.write("a,b\r\n".getBytes()))
                .write(response.proxy(), false);

        assertEquals(200, response.status);
        assertEquals("a,b\r\n", response.body.toString(StandardCharsets.UTF_8));
        assertEquals("attachment; filename=\"cdrs-DEVEL-2017-01-01.csv\"", response.headers.get("Content-Disposition"));
        assertEquals("text/csv", response.type);
    }

    /** The parts of a servlet response an answer uses, recorded; committed by the first byte or a close. */
    private static final class Recorded {
        int status;
        String type;
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        /** A closed servlet stream commits the response, as Jetty's does. */
        boolean closed;

        HttpServletResponse proxy() {
            ServletOutputStream out = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    body.write(b);
                }

                @Override
                public void close() {
                    closed = true;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                }
            };
            return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] { HttpServletResponse.class }, (self, method, args) -> {
                        switch (method.getName()) {
                            case "setStatus" -> status = (Integer) args[0];
                            case "setContentType" -> type = (String) args[0];
                            case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                            case "getOutputStream" -> {
                                return out;
                            }
                            case "isCommitted" -> {
                                return body.size() > 0 || closed;
                            }
                            case "reset" -> {
                                status = 200;
                                type = null;
                                headers.clear();
                            }
                            default -> {
                            }
                        }
                        return null;
                    });
        }
    }
}
