package org.dialplane.itests;

import static org.junit.Assert.assertEquals;
import static org.ops4j.pax.exam.CoreOptions.composite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;

import org.dialplane.core.db.Database;
import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.ServiceReference;


/**
 * The setup and helpers of the media ITs: a sounds folder of the class's own, the upload limit configured to
 * 5,000,000 bytes (room for 601 s of 8 kHz mu-law, which is too long), an admin client for binary bodies.
 */
public abstract class MediaTestSupport extends DialplaneTestSupport {
    static final long LIMIT = 5_000_000;

    Uploads admin;
    String adminToken;

    @Override
    protected Option options() {
        configureAsteriskPaths(Map.of("sounds", sounds().toString()));
        deploy("org.dialplane.media.cfg", "max.upload.bytes = " + LIMIT + "\n");
        return composite(database(getClass().getSimpleName()), Logins.adminPassword());
    }

    /** This class's sounds folder, inside its home directory, which every run starts afresh. */
    Path sounds() {
        return Path.of(System.getProperty("dialplane.test.work"), getClass().getSimpleName(), "sounds")
                .toAbsolutePath();
    }

    @Before
    public void login() {
        await("the media resource answers", () -> http.get("/pbxapi/media").status() == 401);
        adminToken = Logins.adminToken(http);
        admin = new Uploads(port(), adminToken);
        awaitAsteriskPath("sounds", sounds());
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    static String audio(String id) {
        return "/pbxapi/media/" + id + "/audio";
    }

    /** A media file of the default tenant with {@code seconds} of mu-law audio. */
    String withAudio(double seconds) {
        return Uploads.createdId(admin.raw("POST", "/pbxapi/media?name=Test", AudioFiles.tone(AudioFiles.MULAW_8K,
                seconds)));
    }

    AudioFiles.Audio audioOf(String id) {
        Uploads.Reply reply = admin.get(audio(id));
        assertEquals(reply.toString(), 200, reply.status());
        return AudioFiles.read(reply.body());
    }

    int total() {
        return admin.get("/pbxapi/media?limit=1").json().get("total").asInt();
    }

    /** The names in a folder that concern media {@code id}: its file and any temporary file. */
    static Set<String> filesIn(Path folder, String id) {
        try (var files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.startsWith("media-" + id + ".") || n.startsWith(".dp-upload-"))
                    .collect(java.util.stream.Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs an INSERT (or other write) on the PBX database; the generated id, if any. */
    String sql(String statement, Object... params) throws SQLException {
        ServiceReference<Database> ref = context.getServiceReference(Database.class);
        try (Connection connection = context.getService(ref).pbx().getConnection();
                PreparedStatement prepared = connection.prepareStatement(statement,
                        java.sql.Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < params.length; i++) {
                prepared.setObject(i + 1, params[i]);
            }
            prepared.executeUpdate();
            try (var keys = prepared.getGeneratedKeys()) {
                return keys.next() ? keys.getString(1) : null;
            }
        } finally {
            context.ungetService(ref);
        }
    }

    /** A file in this class's deploy/, which FileInstall applies as configuration, written whole. */
    void deploy(String name, String text) {
        Path deploy = Path.of(System.getProperty("dialplane.test.work")).resolve(getClass().getSimpleName())
                .resolve("deploy").toAbsolutePath();
        try {
            Files.createDirectories(deploy);
            Path temporary = Files.writeString(deploy.resolveSibling(name + ".tmp"), text);
            Files.move(temporary, deploy.resolve(name), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
