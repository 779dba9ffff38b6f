package org.dialplane.bench.baseline;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The database work of the extension scenarios, statement for statement what the product runs for an admin
 * (a global caller: no ownership condition, {@code Numbering.Range.ANY}), copied verbatim from
 * {@code bundles/extensions/.../ExtensionRepository} (with {@code ExtensionFields}' default fields) and
 * core's {@code db/Jdbc}, {@code pbx/Numbering}, {@code pbx/Ownership} and {@code internal/pbx/AstDbService}.
 * Copied rather than called, so the baseline stays plain code without OSGi or JAX-RS on its class path; when
 * those statements change, change them here too (bench/README.md), or the ratio compares different work.
 */
final class ExtensionSql {
    /** ExtensionRepository.select over the default fields extension, name, tech, dial, secret. */
    private static final String SELECT = "SELECT u.extension AS extension, d.description AS name, d.tech AS tech,"
            + " d.dial AS dial, s.data AS secret";
    /** ExtensionRepository.USERS_AND_DEVICES, SECRET and FROM. */
    private static final String USERS_AND_DEVICES = " FROM users u JOIN devices d ON d.id = u.extension";
    private static final String SECRET = " LEFT JOIN sip s ON s.id = u.extension AND s.keyword = 'secret'";
    private static final String FROM = USERS_AND_DEVICES + SECRET;
    /** findByIds for one id. */
    private static final String ONE = SELECT + FROM + " WHERE u.extension IN (?)";
    /** find with Query's default order (ExtensionFields: extension) and limitOffset. */
    private static final String ORDER = " ORDER BY CAST(u.extension AS UNSIGNED) ASC";
    private static final String PAGE = SELECT + " FROM (SELECT u.extension" + USERS_AND_DEVICES + ORDER
            + " LIMIT ? OFFSET ?) p JOIN users u ON u.extension = p.extension JOIN devices d ON d.id = u.extension"
            + SECRET + ORDER;
    /** find without a page: every row, one query (ExtensionRepository.find, not paginated). */
    private static final String ALL = SELECT + FROM + ORDER;
    /**
     * ExtensionPages for a global caller without search: the page's numbers from core's index (dp_numbers), by
     * offset or after a cursor's key, then those rows by key (findByIds' SQL); the total from the index.
     */
    private static final String INDEX_ORDER = " ORDER BY k.number ASC, k.object_id ASC";
    private static final String INDEX_PAGE = "SELECT k.object_id FROM dp_numbers k WHERE k.kind = ?" + INDEX_ORDER
            + " LIMIT ? OFFSET ?";
    private static final String INDEX_AFTER = "SELECT k.object_id FROM dp_numbers k WHERE k.kind = ? AND"
            + " (k.number > ? OR (k.number = ? AND k.object_id > ?))" + INDEX_ORDER + " LIMIT ?";
    private static final String INDEX_TOTAL = "SELECT COUNT(*) FROM dp_numbers WHERE kind = ?";
    /** NumberIndex.add, in the create's transaction. */
    private static final String INDEX_ADD = "REPLACE INTO dp_numbers (kind, object_id, number) VALUES (?, ?, ?)";
    /** count. */
    private static final String TOTAL = "SELECT COUNT(*)" + USERS_AND_DEVICES;

    /** Numbering.LOCK, lock and unlock. */
    private static final String LOCK_NAME = "dialplane.numbering";
    private static final String LOCK = "SELECT GET_LOCK(?, 10)";
    private static final String UNLOCK = "SELECT RELEASE_LOCK(?)";
    /** Numbering.TAKEN and isTaken; ExtensionRepository.create's own numbers and FIRST_EXTENSION. */
    static final String TAKEN = "SELECT extension FROM users UNION SELECT grpnum FROM ringgroups"
            + " UNION SELECT extension FROM queues_config";
    private static final String IS_TAKEN = "SELECT 1 FROM (" + TAKEN + ") d WHERE d.extension = ? LIMIT 1";
    static final long FIRST_EXTENSION = 200;
    static final long RANGE_START = 1;
    static final long RANGE_END = 99_999_999_999L;
    /** ExtensionRepository.insert. */
    private static final String INSERT_USER = "INSERT INTO users (extension, password, name, voicemail, ringtimer,"
            + " noanswer, recording, outboundcid, sipname, noanswer_cid, busy_cid, chanunavail_cid, noanswer_dest,"
            + " busy_dest, chanunavail_dest) VALUES (?, '', ?, ?, ?, '', '', '', '', '', '', '', '', '', '')";
    private static final String INSERT_DEVICE = "INSERT INTO devices (id, tech, dial, devicetype, user, description,"
            + " emergency_cid) VALUES (?, ?, ?, 'fixed', ?, ?, '')";
    private static final String INSERT_SIP = "INSERT INTO sip (id, keyword, data, flags) VALUES (?, ?, ?, ?)";
    /** Ownership.assign and AstDbService.write (puts only). */
    private static final String ASSIGN_OWNER = "REPLACE INTO dp_tenant_objects (kind, object_id, tenant_id)"
            + " VALUES (?, ?, ?)";
    private static final String ASTDB_PUT = "REPLACE INTO dp_astdb (family, keyname, value) VALUES (?, ?, ?)";
    /** The admin's tenant: once per baseline, as the product reads it from the token, not per request. */
    private static final String DEFAULT_TENANT = "SELECT id FROM dp_tenants WHERE code = 'default'";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /** What the product answers with a problem instead of a 201: the lock is busy (503), the number taken (409). */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;

        Refused(int status, String detail) {
            super(detail);
            this.status = status;
        }
    }

    private ExtensionSql() {
    }

    static List<Map<String, Object>> one(Connection connection, String extension) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(ONE)) {
            statement.setObject(1, extension);
            return rows(statement);
        }
    }

    static List<Map<String, Object>> page(Connection connection, int limit, int offset) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(PAGE)) {
            statement.setObject(1, (long) limit);
            statement.setObject(2, (long) offset);
            return rows(statement);
        }
    }

    static List<Map<String, Object>> all(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(ALL)) {
            return rows(statement);
        }
    }

    /** A page of the index, by offset or (after not null) after that extension: the page's numbers, then rows. */
    static List<Map<String, Object>> indexPage(Connection connection, int limit, int offset, String after)
            throws SQLException {
        List<String> numbers = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(after == null ? INDEX_PAGE : INDEX_AFTER)) {
            statement.setObject(1, "extension");
            if (after == null) {
                statement.setObject(2, (long) limit);
                statement.setObject(3, (long) offset);
            } else {
                statement.setObject(2, Long.parseLong(after));
                statement.setObject(3, Long.parseLong(after));
                statement.setObject(4, after);
                statement.setObject(5, (long) limit);
            }
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    numbers.add(result.getString(1));
                }
            }
        }
        if (numbers.isEmpty()) {
            return List.of();
        }
        String in = SELECT + FROM + " WHERE u.extension IN (" + String.join(", ", java.util.Collections.nCopies(
                numbers.size(), "?")) + ")";
        Map<String, Map<String, Object>> byNumber = new java.util.HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(in)) {
            for (int i = 0; i < numbers.size(); i++) {
                statement.setObject(i + 1, numbers.get(i));
            }
            for (Map<String, Object> row : rows(statement)) {
                byNumber.put((String) row.get("extension"), row);
            }
        }
        List<Map<String, Object>> page = new ArrayList<>(numbers.size());
        for (String number : numbers) {
            page.add(byNumber.get(number));
        }
        return page;
    }

    static long indexTotal(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INDEX_TOTAL)) {
            statement.setObject(1, "extension");
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getLong(1) : 0;
            }
        }
    }

    static long total(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(TOTAL);
                ResultSet result = statement.executeQuery()) {
            return result.next() ? result.getLong(1) : 0;
        }
    }

    static long defaultTenant(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(DEFAULT_TENANT);
                ResultSet result = statement.executeQuery()) {
            if (!result.next()) {
                throw new SQLException("no default tenant in dp_tenants");
            }
            return result.getLong(1);
        }
    }

    /**
     * A POST without a number, as Jdbc.lockedTransaction(Numbering.LOCK, ...) runs ExtensionRepository.create: the numbering
     * lock, then one transaction (next free number, the isTaken check, users, devices, the sip batch, the
     * owner, the AstDB mirror), then the lock released.
     */
    static String create(Connection connection, long tenantId, String name, String voicemail)
            throws SQLException, Refused {
        lock(connection);
        try {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                String extension = insert(connection, NumberingSql.nextFree(connection), tenantId, name, voicemail);
                connection.commit();
                return extension;
            } catch (SQLException | RuntimeException | Refused e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } finally {
            unlock(connection);
        }
    }

    private static String insert(Connection connection, String x, long tenantId, String name, String voicemail)
            throws SQLException, Refused {
        String secret = randomSecret();
        if (isTaken(connection, x)) {
            throw new Refused(409, "Number " + x + " is in use");
        }
        update(connection, INSERT_USER, x, name, voicemail, 0);
        update(connection, INSERT_DEVICE, x, "sip", "SIP/" + x, x, name);
        try (PreparedStatement statement = connection.prepareStatement(INSERT_SIP)) {
            String[][] rows = ExtensionRows.sip(x, secret);
            for (int i = 0; i < rows.length; i++) {
                statement.setString(1, x);
                statement.setString(2, rows[i][0]);
                statement.setString(3, rows[i][1]);
                statement.setInt(4, i + 2);
                statement.addBatch();
            }
            statement.executeBatch();
        }
        try (PreparedStatement statement = connection.prepareStatement(ASSIGN_OWNER)) {
            statement.setString(1, "extension");
            statement.setString(2, x);
            statement.setLong(3, tenantId);
            statement.executeUpdate();
        }
        update(connection, INDEX_ADD, "extension", x, Long.parseLong(x));
        NumberingSql.takeRun(connection, Long.parseLong(x));
        try (PreparedStatement put = connection.prepareStatement(ASTDB_PUT)) {
            for (String[] key : ExtensionRows.astdb(x, name, voicemail)) { // one batch, as AstDbService.write
                put.setString(1, key[0]);
                put.setString(2, key[1]);
                put.setString(3, key[2]);
                put.addBatch();
            }
            put.executeBatch();
        }
        return x;
    }

    private static void lock(Connection connection) throws SQLException, Refused {
        try (PreparedStatement statement = connection.prepareStatement(LOCK)) {
            statement.setString(1, LOCK_NAME);
            try (ResultSet result = statement.executeQuery()) {
                if (!result.next() || result.getInt(1) != 1) {
                    throw new Refused(503, "The numbering plan is busy; try again");
                }
            }
        }
    }

    private static void unlock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(UNLOCK)) {
            statement.setString(1, LOCK_NAME);
            statement.executeQuery().close();
        }
    }

    static TreeSet<Long> numbers(Connection connection, String sql) throws SQLException {
        TreeSet<Long> numbers = new TreeSet<>();
        try (PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                String value = result.getString(1);
                if (value != null && value.matches("[0-9]{1,18}")) {
                    long number = Long.parseLong(value);
                    if (number >= RANGE_START && number <= RANGE_END) {
                        numbers.add(number);
                    }
                }
            }
        }
        return numbers;
    }

    static boolean isTaken(Connection connection, String number) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(IS_TAKEN)) {
            statement.setString(1, number);
            try (ResultSet result = statement.executeQuery()) {
                return result.next();
            }
        }
    }

    static void update(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.executeUpdate();
        }
    }

    /** ExtensionChange.randomSecret: the secret a create without one gets. */
    private static String randomSecret() {
        StringBuilder secret = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            secret.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return secret.toString();
    }

    /** Jdbc.rows (core 2.2): every column by its label, as text; the labels read once, an array per row. */
    private static List<Map<String, Object>> rows(PreparedStatement statement) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (ResultSet result = statement.executeQuery()) {
            ResultSetMetaData meta = result.getMetaData();
            com.fasterxml.jackson.core.io.SerializedString[] names =
                    new com.fasterxml.jackson.core.io.SerializedString[meta.getColumnCount()];
            for (int i = 0; i < names.length; i++) {
                names[i] = new com.fasterxml.jackson.core.io.SerializedString(meta.getColumnLabel(i + 1));
            }
            while (result.next()) {
                Object[] values = new Object[names.length];
                for (int i = 0; i < names.length; i++) {
                    Object value = result.getObject(i + 1);
                    values[i] = value == null || value instanceof String ? value : value.toString();
                }
                rows.add(new Row(names, values));
            }
        }
        return rows;
    }
}
