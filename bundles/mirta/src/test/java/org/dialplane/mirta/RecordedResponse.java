package org.dialplane.mirta;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;

/** The parts of a servlet response an answer uses, recorded; committed by the first byte or a close. */
final class RecordedResponse {
    int status;
    String type;
    long contentLength = -1;
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
                        case "setContentLengthLong" -> contentLength = (Long) args[0];
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
