package org.dialplane.bench.baseline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL of the extensions scenarios on the IssabelPBX schema ({@code users}, {@code devices}, {@code sip}).
 * The comparison is only fair when these are the statements the extensions bundle runs: this is a stand-in
 * written before that bundle existed; when it lands, copy its SELECTs and INSERTs here (bench/README.md).
 */
final class ExtensionSql {
    private static final String COLUMNS = "SELECT u.extension, u.name, d.tech, d.dial, s.data AS secret"
            + " FROM users u LEFT JOIN devices d ON d.id = u.extension"
            + " LEFT JOIN sip s ON s.id = u.extension AND s.keyword = 'secret'";
    private static final String ONE = COLUMNS + " WHERE u.extension = ?";
    private static final String PAGE = COLUMNS + " ORDER BY u.extension LIMIT ? OFFSET ?";
    private static final String TOTAL = "SELECT COUNT(*) FROM users";
    private static final String NEXT_FREE = "SELECT COALESCE(MAX(CAST(extension AS UNSIGNED)), 0) + 1 FROM users";
    private static final String INSERT_USER = "INSERT INTO users (extension, name, voicemail, ringtimer, noanswer,"
            + " recording, outboundcid, sipname) VALUES (?, ?, ?, 0, '', '', '', '')";
    private static final String INSERT_DEVICE = "INSERT INTO devices (id, tech, dial, devicetype, user, description,"
            + " emergency_cid) VALUES (?, 'sip', ?, 'fixed', ?, ?, '')";
    private static final String INSERT_SIP = "INSERT INTO sip (id, keyword, data, flags) VALUES (?, ?, ?, ?)";

    private ExtensionSql() {
    }

    static List<Map<String, Object>> one(Connection connection, String extension) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(ONE)) {
            statement.setString(1, extension);
            return rows(statement);
        }
    }

    static List<Map<String, Object>> page(Connection connection, int limit, int offset) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(PAGE)) {
            statement.setInt(1, limit);
            statement.setInt(2, offset);
            return rows(statement);
        }
    }

    static long total(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(TOTAL);
                ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    /** Inserts an extension at the next free number in one transaction; the caller retries on a duplicate. */
    static String create(Connection connection, String name, String voicemail, String secret) throws SQLException {
        String extension;
        try (PreparedStatement statement = connection.prepareStatement(NEXT_FREE);
                ResultSet result = statement.executeQuery()) {
            result.next();
            extension = Long.toString(result.getLong(1));
        }
        try (PreparedStatement user = connection.prepareStatement(INSERT_USER)) {
            user.setString(1, extension);
            user.setString(2, name);
            user.setString(3, voicemail);
            user.executeUpdate();
        }
        try (PreparedStatement device = connection.prepareStatement(INSERT_DEVICE)) {
            device.setString(1, extension);
            device.setString(2, "SIP/" + extension);
            device.setString(3, extension);
            device.setString(4, name);
            device.executeUpdate();
        }
        try (PreparedStatement sip = connection.prepareStatement(INSERT_SIP)) {
            String[][] keywords = {{"secret", secret}, {"context", "from-internal"}, {"host", "dynamic"},
                    {"type", "friend"}, {"dial", "SIP/" + extension}, {"callerid", name + " <" + extension + ">"}};
            for (int i = 0; i < keywords.length; i++) {
                sip.setString(1, extension);
                sip.setString(2, keywords[i][0]);
                sip.setString(3, keywords[i][1]);
                sip.setInt(4, i + 2);
                sip.addBatch();
            }
            sip.executeBatch();
        }
        return extension;
    }

    private static List<Map<String, Object>> rows(PreparedStatement statement) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("extension", result.getString("extension"));
                row.put("name", result.getString("name"));
                row.put("tech", result.getString("tech"));
                row.put("dial", result.getString("dial"));
                row.put("secret", result.getString("secret"));
                rows.add(row);
            }
        }
        return rows;
    }
}
