package org.dialplane.itests;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.framework.BundleContext;

/**
 * The tables in which IssabelPBX's Follow Me, fax and paging modules keep an extension's settings, as the 2018 dump
 * defines them (created when missing: a schema Dialplane created has none), with rows such as those modules write.
 */
final class IssabelModuleTables {
    /** Table -> the column holding the extension's number. */
    private static final Map<String, String> EXTENSION_COLUMN = Map.of("findmefollow", "grpnum", "fax_users", "user",
            "paging_groups", "ext");

    private IssabelModuleTables() {
    }

    static void create(BundleContext context) throws SQLException {
        PbxSql.rows(context, "CREATE TABLE IF NOT EXISTS `findmefollow` (`grpnum` varchar(20) NOT NULL,"
                + " `strategy` varchar(50) NOT NULL, `grptime` smallint(6) NOT NULL, `grppre` varchar(100) DEFAULT NULL,"
                + " `grplist` varchar(255) NOT NULL, `annmsg_id` int(11) DEFAULT NULL, `postdest` varchar(255) DEFAULT NULL,"
                + " `dring` varchar(255) DEFAULT NULL, `remotealert_id` int(11) DEFAULT NULL,"
                + " `needsconf` varchar(10) DEFAULT NULL, `toolate_id` int(11) DEFAULT NULL,"
                + " `pre_ring` smallint(6) NOT NULL DEFAULT '0', `ringing` varchar(80) DEFAULT NULL,"
                + " PRIMARY KEY (`grpnum`))");
        PbxSql.rows(context, "CREATE TABLE IF NOT EXISTS `fax_users` (`user` varchar(15) DEFAULT NULL,"
                + " `faxenabled` varchar(10) DEFAULT NULL, `faxemail` text, `faxattachformat` varchar(10) DEFAULT NULL,"
                + " UNIQUE KEY `user` (`user`))");
        PbxSql.rows(context, "CREATE TABLE IF NOT EXISTS `paging_groups` (`page_number` varchar(50) NOT NULL DEFAULT '',"
                + " `ext` varchar(25) NOT NULL DEFAULT '', PRIMARY KEY (`page_number`,`ext`))");
    }

    /** A follow-me list, fax-to-mail and a page group membership for the extension. */
    static void addRowsOf(BundleContext context, String number) throws SQLException {
        PbxSql.rows(context, "INSERT INTO findmefollow (grpnum, strategy, grptime, grplist, postdest, pre_ring)"
                + " VALUES (?, 'ringallv2-prim', 20, ?, ?, 7)", number, number + "-5551234#",
                "ext-local," + number + ",dest");
        PbxSql.rows(context, "INSERT INTO fax_users (user, faxenabled, faxemail, faxattachformat)"
                + " VALUES (?, 'true', 'fax@example.com', 'pdf')", number);
        PbxSql.rows(context, "INSERT INTO paging_groups (page_number, ext) VALUES ('650', ?)", number);
    }

    /** Table -> how many of its rows are the extension's. */
    static Map<String, Integer> rowsOf(BundleContext context, String number) throws SQLException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Map.Entry<String, String> table : EXTENSION_COLUMN.entrySet()) {
            // Table and column are this class's constants.
            List<Map<String, String>> rows = PbxSql.rows(context, "SELECT COUNT(*) AS n FROM " + table.getKey()
                    + " WHERE " + table.getValue() + " = ?", number);
            counts.put(table.getKey(), Integer.parseInt(rows.get(0).get("n")));
        }
        return counts;
    }
}
