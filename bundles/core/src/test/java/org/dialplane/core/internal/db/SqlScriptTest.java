package org.dialplane.core.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class SqlScriptTest {

    @Test
    void whenScriptHasSeveralStatements_thenEachIsReturnedTrimmed() {
        assertEquals(List.of("CREATE TABLE a (x INT)", "INSERT INTO a VALUES (1)"),
                SqlScript.statements("CREATE TABLE a (x INT);\n\n  INSERT INTO a VALUES (1);\n"));
    }

    @Test
    void whenSemicolonIsQuoted_thenStatementIsNotSplit() {
        assertEquals(List.of("INSERT INTO t VALUES ('a;b', \"c;d\", 'it''s;', 'x\\';y')", "SELECT `we;ird`"),
                SqlScript.statements("INSERT INTO t VALUES ('a;b', \"c;d\", 'it''s;', 'x\\';y'); SELECT `we;ird`"));
    }

    @Test
    void whenScriptHasComments_thenTheyAreDroppedWithTheirSemicolons() {
        String script = "-- a comment; not a statement\nCREATE TABLE a (x INT); # another;\n"
                + "/* block; comment */ SELECT 1;";
        assertEquals(List.of("CREATE TABLE a (x INT)", "SELECT 1"), SqlScript.statements(script));
    }

    @Test
    void whenDoubleDashHasNoSpace_thenItIsAnExpressionNotAComment() {
        assertEquals(List.of("SELECT 1--1"), SqlScript.statements("SELECT 1--1;"));
    }

    @Test
    void whenLastStatementHasNoSemicolon_thenItIsStillReturned() {
        assertEquals(List.of("SELECT 1", "SELECT 2"), SqlScript.statements("SELECT 1;SELECT 2"));
    }

    @Test
    void whenQuoteIsUnterminated_thenTheScriptIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> SqlScript.statements("SELECT 'oops;"));
    }
}
