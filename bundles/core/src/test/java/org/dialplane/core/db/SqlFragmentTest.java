package org.dialplane.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class SqlFragmentTest {

    @Test
    void whenWhereBuilt_thenNonEmptyConditionsAreJoinedWithAnd() {
        SqlFragment tenant = SqlFragment.of("o.tenant_id = ?", 7L);
        SqlFragment search = SqlFragment.of("(name LIKE ? ESCAPE '!')", "%a%");
        SqlFragment where = SqlFragment.where(tenant, SqlFragment.EMPTY, null, search);
        assertEquals(" WHERE o.tenant_id = ? AND (name LIKE ? ESCAPE '!')", where.sql());
        assertEquals(List.of(7L, "%a%"), where.params());
    }

    @Test
    void whenWhereOfNothing_thenEmpty() {
        assertTrue(SqlFragment.where(SqlFragment.EMPTY).isEmpty());
        assertTrue(SqlFragment.where().isEmpty());
    }

    @Test
    void whenAppended_thenTextAndParametersAreConcatenatedInOrder() {
        SqlFragment sql = SqlFragment.of("SELECT * FROM users WHERE extension = ?", "100")
                .append(" LIMIT ? OFFSET ?", 10L, 0L)
                .append(SqlFragment.EMPTY);
        assertEquals("SELECT * FROM users WHERE extension = ? LIMIT ? OFFSET ?", sql.sql());
        assertEquals(List.of("100", 10L, 0L), sql.params());
    }

    @Test
    void whenParameterIsNull_thenItIsKept() {
        assertEquals(Arrays.asList("a", null), SqlFragment.of("INSERT INTO t VALUES (?, ?)", "a", null).params());
    }

    @Test
    void whenBound_thenEveryParameterIsSetFromOne() throws Exception {
        List<String> calls = new ArrayList<>();
        PreparedStatement statement = (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { PreparedStatement.class }, (proxy, method, args) -> {
                    calls.add(method.getName() + "(" + args[0] + ", " + args[1] + ")");
                    return null;
                });
        SqlFragment.of("x = ? AND y = ?", "a", 2).bind(statement);
        assertEquals(List.of("setObject(1, a)", "setObject(2, 2)"), calls);
    }
}
