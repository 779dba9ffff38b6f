package org.dialplane.itests;

import static org.junit.Assert.assertEquals;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.Before;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.ops4j.pax.exam.CoreOptions;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Option;

/**
 * The next free number from core's runs of taken numbers ({@code dp_number_runs}) instead of a scan: Issabel's rule
 * (the first free number above the lowest of the kind), numbers freed by a delete offered again, numbers IssabelPBX
 * took behind Dialplane's back never handed out, and concurrent creates all distinct. Its own database, so the
 * numbers are this class's alone; each test uses its own range.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING) // each test's lowest numbers stay the lowest of their kind
public class NumberingIT extends DialplaneTestSupport {
    private Http admin;

    @Override
    protected Option options() {
        return CoreOptions.composite(database("NumberingIT"), Logins.adminPassword());
    }

    @Before
    public void login() {
        await("the extensions resource answers", () -> http.get("/pbxapi/extensions").status() == 401);
        admin = asAdmin();
    }

    @Test
    public void whenDeletedOrTakenBehindOurBack_thenTheNextFreeNumberFollowsIssabelsRuleAndNeverRepeats() {
        for (int n = 3000; n < 3003; n++) {
            assertEquals(200, admin.json("PUT", "/pbxapi/extensions/" + n + "?reload=0", "{}").status());
        }
        assertEquals("3003", post("extensions"));
        assertEquals(200, admin.send("DELETE", "/pbxapi/extensions/3001?reload=0", null, java.util.Map.of()).status());
        assertEquals("a deleted number is offered again", "3001", post("extensions"));
        // IssabelPBX's GUI takes 3004 (an extension) and 3005 (a queue): the next create skips both.
        sql("INSERT INTO users (extension, name) VALUES ('3004', 'GUI')");
        sql("INSERT INTO devices (id, tech, dial, devicetype, user, description) VALUES ('3004', 'sip', 'SIP/3004',"
                + " 'fixed', '3004', 'GUI')");
        sql("INSERT INTO queues_config (extension, descr) VALUES ('3005', 'GUI queue')");
        assertEquals("3006", post("extensions"));
        assertEquals(200, admin.json("PUT", "/pbxapi/ringgroups/3008?reload=0", "{\"extension_list\":[\"3000\"]}")
                .status());
        assertEquals("3007", post("extensions"));
        assertEquals("a ring group's number is taken for extensions too", "3009", post("extensions"));
    }

    @Test
    public void whenRingGroupsCreated_thenTheirNextFreeNumberSkipsExtensionsAndGuiRows() {
        assertEquals(200, admin.json("PUT", "/pbxapi/ringgroups/900?reload=0", "{\"extension_list\":[\"200\"]}")
                .status());
        assertEquals(200, admin.json("PUT", "/pbxapi/extensions/901?reload=0", "{}").status());
        sql("INSERT INTO ringgroups (grpnum, strategy, grptime, grplist, description) VALUES ('902', 'ringall', 20,"
                + " '200', 'GUI')");
        assertEquals("903", post("ringgroups"));
    }

    @Test
    public void whenManyCreateAtOnce_thenEveryNumberDistinct() throws Exception {
        String first = post("extensions");
        String gui = Long.toString(Long.parseLong(first) + 5);
        sql("INSERT INTO users (extension, name) VALUES ('" + gui + "', 'GUI')");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<String>> creates = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                creates.add(pool.submit(() -> post("extensions")));
            }
            Set<String> numbers = new HashSet<>();
            for (Future<String> create : creates) {
                numbers.add(create.get());
            }
            assertEquals(64, numbers.size());
            assertEquals("never the number the GUI took", false, numbers.contains(gui));
        } finally {
            pool.shutdownNow();
        }
    }

    private String post(String collection) {
        String body = collection.equals("ringgroups") ? "{\"extension_list\":[\"200\"]}" : "{\"name\":\"Next\"}";
        Http.Response created = admin.json("POST", "/pbxapi/" + collection + "?reload=0", body);
        assertEquals(created.toString(), 201, created.status());
        String location = created.header("location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private void sql(String statement) {
        try {
            PbxSql.rows(context, statement);
        } catch (SQLException e) {
            throw new AssertionError(statement, e);
        }
    }
}
