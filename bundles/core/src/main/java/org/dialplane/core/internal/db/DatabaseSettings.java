package org.dialplane.core.internal.db;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the two databases are, from the framework properties the launcher sets ({@code dialplane.db.url},
 * {@code .user}, {@code .password}, {@code dialplane.cdr.db.url}). The CDR database defaults to
 * {@code asteriskcdrdb} on the PBX database's server.
 */
record DatabaseSettings(String pbxUrl, String cdrUrl, String user, String password) {
    static final String CDR_DATABASE = "asteriskcdrdb";
    /** jdbc:mariadb://hosts/database?options: the database is the path after the host part. */
    private static final Pattern URL = Pattern.compile("^(jdbc:(?:mariadb|mysql):(?:[a-z:]+)?//[^/?]*)(?:/([^?]*))?(\\?.*)?$");
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z0-9_$]{1,64}");

    DatabaseSettings {
        if (pbxUrl == null || pbxUrl.isBlank()) {
            throw new IllegalArgumentException("No database configured (dialplane.db.url is empty)");
        }
        database(pbxUrl);
        database(cdrUrl);
    }

    static DatabaseSettings from(UnaryOperator<String> properties) {
        String pbx = trimmed(properties.apply("dialplane.db.url"));
        String cdr = trimmed(properties.apply("dialplane.cdr.db.url"));
        return new DatabaseSettings(pbx, cdr.isEmpty() ? withDatabase(pbx, CDR_DATABASE) : cdr,
                trimmed(properties.apply("dialplane.db.user")), nullToEmpty(properties.apply("dialplane.db.password")));
    }

    /** The database a URL names; it must name one, in characters that need no quoting. */
    static String database(String url) {
        Matcher m = parse(url);
        String name = m.group(2) == null ? "" : m.group(2);
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("The database URL must name a database (letters, digits, _): " + url);
        }
        return name;
    }

    /** The same URL naming another database, options kept. */
    static String withDatabase(String url, String database) {
        Matcher m = parse(url);
        return m.group(1) + "/" + database + (m.group(3) == null ? "" : m.group(3));
    }

    /** The URL of the server itself (no database), to create a database that does not exist yet. */
    static String serverUrl(String url) {
        Matcher m = parse(url);
        return m.group(1) + "/" + (m.group(3) == null ? "" : m.group(3));
    }

    /** Without the password, which must never reach a log. */
    @Override
    public String toString() {
        return "DatabaseSettings[pbx=" + pbxUrl + ", cdr=" + cdrUrl + ", user=" + user + "]";
    }

    private static Matcher parse(String url) {
        Matcher m = URL.matcher(url == null ? "" : url.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a jdbc:mariadb:// URL: " + url);
        }
        return m;
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
