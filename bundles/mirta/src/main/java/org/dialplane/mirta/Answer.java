package org.dialplane.mirta;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dialplane.core.rest.ApiException;

import jakarta.servlet.http.HttpServletResponse;

/**
 * What a proxyapi request answers, in MiRTA's wire formats: the pipe line ({@code Success|...|} and
 * {@code Error|<message>|}, or with {@code format=json} the object MiRTA's clients read: {@code Response},
 * {@code Message}, {@code ID}), a JSON document (MANAGEDB reads), a file (audio) or the HELP page. Each carries
 * its HTTP status: an error's is the honest 4xx/5xx, so that a client that reads only the body and one that reads
 * the status both understand it.
 */
sealed interface Answer {
    String TEXT = "text/plain; charset=UTF-8";

    int status();

    void write(HttpServletResponse response, boolean json) throws IOException;

    /** {@code Success|a|b|}: 200, or another 2xx (201 for a create). */
    static Answer success(int status, String... fields) {
        return new Pipe(status, "Success", List.of(fields));
    }

    static Answer success(String... fields) {
        return success(200, fields);
    }

    /** {@code Error|message|} with a 4xx or 5xx status. */
    static Answer error(int status, String message) {
        return new Pipe(status, "Error", List.of(message));
    }

    /** A field of a pipe line: one line, and no {@code |}, which would shift every field after it. */
    static String oneLine(String text) {
        return text == null ? "" : text.replace('|', '/').replace('\r', ' ').replace('\n', ' ');
    }

    record Pipe(int status, String response, List<String> fields) implements Answer {
        @Override
        public void write(HttpServletResponse http, boolean json) throws IOException {
            http.setStatus(status);
            if (json) {
                Map<String, String> object = new LinkedHashMap<>();
                object.put("Response", response);
                String[] names = { "Message", "ID" };
                for (int i = 0; i < fields.size(); i++) {
                    object.put(i < names.length ? names[i] : "Field" + (i + 1), fields.get(i));
                }
                new Document(status, object).write(http, true);
                return;
            }
            StringBuilder line = new StringBuilder(response).append('|');
            fields.forEach(field -> line.append(oneLine(field)).append('|'));
            byte[] body = line.toString().getBytes(StandardCharsets.UTF_8);
            http.setContentType(TEXT);
            http.setContentLength(body.length);
            http.getOutputStream().write(body);
        }
    }

    /** A JSON document, as MANAGEDB's list and get answer. */
    record Document(int status, Object value) implements Answer {
        @Override
        public void write(HttpServletResponse http, boolean json) throws IOException {
            byte[] body = ProxyRequest.JSON.writeValueAsBytes(value);
            http.setStatus(status);
            http.setContentType("application/json");
            http.setContentLength(body.length);
            http.getOutputStream().write(body);
        }
    }

    /** A file sent whole (a call recording), as an attachment named as on disk. */
    record File(Path path, String type) implements Answer {
        /**
         * The file, or a 404 saying {@code gone} when it is not there: deleted since it was listed or its record
         * was read. Its length is taken when it is sent, from the open file.
         */
        static File existing(Path path, String type, String gone) {
            if (!java.nio.file.Files.isRegularFile(path)) {
                throw ApiException.notFound(gone);
            }
            return new File(path, type);
        }

        @Override
        public int status() {
            return 200;
        }

        @Override
        public void write(HttpServletResponse http, boolean json) throws IOException {
            // Opened first, its length taken from the open file: audio replaced by a rename meanwhile (a media
            // file's updatebinary) is then sent whole, old or new, never cut or mixed.
            try (java.nio.channels.FileChannel file = java.nio.channels.FileChannel.open(path)) {
                http.setStatus(200);
                http.setContentType(type);
                http.setContentLengthLong(file.size());
                String name = path.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
                http.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
                try (OutputStream out = http.getOutputStream()) {
                    java.nio.channels.Channels.newInputStream(file).transferTo(out);
                }
            }
        }
    }

    /** A text document: RESPONSEPATH's pipe table or XML. */
    record Text(String type, String text) implements Answer {
        @Override
        public int status() {
            return 200;
        }

        @Override
        public void write(HttpServletResponse http, boolean json) throws IOException {
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            http.setStatus(200);
            http.setContentType(type);
            http.setContentLength(body.length);
            http.getOutputStream().write(body);
        }
    }

    /** What a {@link Stream} writes: a provider's export, which may still refuse (an ApiException) before writing. */
    interface Export {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * An export streamed as the provider writes it (INFO CDRS and QUEUELOGS), as an attachment. A refusal before the
     * first byte (the provider's 503 when too many exports run) is still answered as {@code Error|...|}.
     */
    record Stream(String type, String fileName, Export export) implements Answer {
        @Override
        public int status() {
            return 200;
        }

        @Override
        public void write(HttpServletResponse http, boolean json) throws IOException {
            http.setStatus(200);
            http.setContentType(type);
            http.setHeader("Content-Disposition", "attachment; filename=\"" + fileName.replaceAll("[^A-Za-z0-9._-]",
                    "_") + "\"");
            // Not closed on a refusal: closing would commit the response before the error could replace it.
            OutputStream out = http.getOutputStream();
            try {
                export.writeTo(out);
                out.close();
            } catch (org.dialplane.core.rest.ApiException refused) {
                if (http.isCommitted()) {
                    throw refused;
                }
                http.reset();
                http.setHeader("Cache-Control", "no-store");
                refused.headers().forEach(http::setHeader);
                error(refused.problem().status(), ProxyApiServlet.message(refused.problem())).write(http, json);
            }
        }
    }

    /** The HELP page: preformatted text in HTML, as MiRTA shows it in a browser. */
    record Help(String text) implements Answer {
        @Override
        public int status() {
            return 200;
        }

        @Override
        public void write(HttpServletResponse http, boolean json) throws IOException {
            String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
            byte[] body = ("<pre>\n" + escaped + "</pre>\n").getBytes(StandardCharsets.UTF_8);
            http.setStatus(200);
            http.setContentType("text/html; charset=UTF-8");
            http.setContentLength(body.length);
            http.getOutputStream().write(body);
        }
    }
}
