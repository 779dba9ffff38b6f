package org.dialplane.phones;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.UnaryOperator;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.db.Database;
import org.dialplane.core.db.Jdbc;
import org.dialplane.core.db.SqlFragment;
import org.dialplane.core.pbx.Devices;
import org.dialplane.core.pbx.Ownership;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.Ids;
import org.dialplane.core.rest.Problem;
import org.dialplane.core.rest.Query;
import org.dialplane.phones.api.PhoneChange;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The SQL of phones, in Dialplane's own tables {@code dp_phone_phones} and {@code dp_phone_lines} (made by this
 * bundle's migrations when it activates). A phone carries its tenant; its lines are checked against IssabelPBX's
 * {@code users} and the owners core keeps. Writes hold one lock, so two writes never race for a MAC address.
 */
@Component(service = PhoneRepository.class)
public class PhoneRepository {
    static final String NOUN = "phone";
    private static final String LOCK = "dialplane.phones";
    private static final String FROM = " FROM dp_phone_phones p";
    /** The tenant that owns the extension {@code u}: core's rule (no row in dp_tenant_objects: the default tenant). */
    private static final SqlFragment EXTENSION_OWNER = Ownership.ownerOf(Devices.EXTENSION, "u.extension");

    /** A phone as provisioning needs it. */
    record Provisioned(long id, long tenantId, String name, String mac, String model, String secret) {
    }

    /** A line of a phone as provisioning renders it: the extension's name and SIP secret, when it has them. */
    record Line(String extension, String name, String secret) {
    }

    private final Jdbc db;

    @Activate
    public PhoneRepository(@Reference Database database, BundleContext context) {
        database.migrate(context.getBundle());
        this.db = new Jdbc(database.pbx());
    }

    PhoneRepository(Jdbc db) {
        this.db = db;
    }

    List<Map<String, Object>> find(Query query, Caller caller, UnaryOperator<String> url) {
        SqlFragment sql = select(query).append(FROM)
                .append(SqlFragment.where(visible(caller), query.searchCondition()))
                .append(query.orderBy()).append(query.limitOffset());
        return db.run(connection -> Jdbc.rows(connection, sql)).stream()
                .map(row -> PhoneFields.shown(row, url)).toList();
    }

    long count(Query query, Caller caller) {
        SqlFragment sql = SqlFragment.of("SELECT COUNT(*)").append(FROM)
                .append(SqlFragment.where(visible(caller), query.searchCondition()));
        return db.run(connection -> Jdbc.number(connection, sql));
    }

    Map<String, Map<String, Object>> findByIds(Ids ids, Query query, Caller caller, UnaryOperator<String> url) {
        SqlFragment sql = select(query).append(FROM)
                .append(SqlFragment.where(visible(caller), SqlFragment.in("p.id", ids.values())));
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        db.run(connection -> Jdbc.rows(connection, sql))
                .forEach(row -> found.put((String) row.get("id"), PhoneFields.shown(row, url)));
        return found;
    }

    /** A new phone, at {@code id} or the next free id; its id. */
    String create(Long id, PhoneChange change, String secret, Caller caller) {
        return db.lockedTransaction(LOCK, connection -> insert(connection, id, change, secret, caller));
    }

    /**
     * A PUT: updates the fields sent on the caller's phone, or creates it at this id.
     *
     * @return whether it was created
     */
    boolean save(long id, PhoneChange change, String secret, Caller caller, ModelCheck models) {
        return db.lockedTransaction(LOCK, connection -> {
            List<Map<String, Object>> rows = Jdbc.rows(connection,
                    SqlFragment.of("SELECT p.tenant_id, p.model FROM dp_phone_phones p WHERE p.id = ?", id));
            if (rows.isEmpty()) {
                models.check(PhoneServiceImpl.requireCreatable(change));
                insert(connection, id, change, secret, caller);
                return true;
            }
            long tenant = Long.parseLong((String) rows.get(0).get("tenant_id"));
            if (!caller.sees(tenant)) {
                // As absent as on a GET, not a 409 telling that the id exists.
                throw ApiException.notFound("No phone " + id);
            }
            if (change.model() != null || change.lines() != null) {
                String model = change.model() != null ? change.model() : (String) rows.get(0).get("model");
                models.check(new PhoneChange(change.name(), change.mac(), model, change.lines()));
            }
            if (change.mac() != null) {
                requireFreeMac(connection, change.mac(), id);
            }
            List<String> sets = new ArrayList<>();
            List<Object> params = new ArrayList<>();
            if (change.name() != null) {
                sets.add("name = ?");
                params.add(change.name());
            }
            if (change.mac() != null) {
                sets.add("mac = ?");
                params.add(change.mac());
            }
            if (change.model() != null) {
                sets.add("model = ?");
                params.add(change.model());
            }
            if (!sets.isEmpty()) {
                params.add(id);
                Jdbc.update(connection, SqlFragment.of("UPDATE dp_phone_phones SET " + String.join(", ", sets)
                        + " WHERE id = ?", params.toArray()));
            }
            if (change.lines() != null) {
                requireLinesOf(connection, change.lines(), tenant);
                writeLines(connection, id, change.lines());
            }
            return false;
        });
    }

    /** Checks a change against the models registered now (the service's part of a write). */
    interface ModelCheck {
        void check(PhoneChange change);
    }

    /** Replaces the phone's provisioning secret; 404 when the caller has no phone with this id. */
    void renewSecret(long id, String secret, Caller caller) {
        int changed = db.run(connection -> Jdbc.update(connection, SqlFragment.of(
                "UPDATE dp_phone_phones p SET p.provisioning_secret = ?", secret)
                .append(SqlFragment.where(SqlFragment.of("p.id = ?", id), visible(caller)))));
        if (changed == 0) {
            throw ApiException.notFound("No " + NOUN + " " + id);
        }
    }

    /** Deletes every one of the ids, or none: one that is missing (or another tenant's) is a 404. */
    void delete(Ids ids, Caller caller) {
        db.lockedTransaction(LOCK, connection -> {
            List<String> found = Jdbc.column(connection, SqlFragment.of("SELECT p.id").append(FROM)
                    .append(SqlFragment.where(visible(caller), SqlFragment.in("p.id", ids.values()))));
            ids.requireAll(found, NOUN);
            Jdbc.update(connection, SqlFragment.of("DELETE FROM dp_phone_lines WHERE ")
                    .append(SqlFragment.in("phone_id", found)));
            Jdbc.update(connection, SqlFragment.of("DELETE FROM dp_phone_phones WHERE ")
                    .append(SqlFragment.in("id", found)));
            return null;
        });
    }

    /**
     * The phones with any of these MAC addresses (stored form): one indexed query, whether or not they exist, so
     * provisioning costs the same for a known and an unknown MAC.
     */
    List<Provisioned> byMacs(List<String> macs) {
        SqlFragment sql = SqlFragment.of("SELECT p.id, p.tenant_id, p.name, p.mac, p.model, p.provisioning_secret")
                .append(FROM).append(SqlFragment.where(SqlFragment.in("p.mac", macs)));
        return db.run(connection -> Jdbc.rows(connection, sql)).stream()
                .map(r -> new Provisioned(Long.parseLong((String) r.get("id")), Long.parseLong((String) r.get("tenant_id")),
                        (String) r.get("name"), (String) r.get("mac"), (String) r.get("model"),
                        (String) r.get("provisioning_secret")))
                .toList();
    }

    /**
     * A phone's lines in order, with their names and SIP secrets (IssabelPBX's {@code sip} table); a line whose
     * extension is gone, or now another tenant's, has neither.
     */
    List<Line> lines(Provisioned phone) {
        SqlFragment sql = SqlFragment.of("SELECT l.extension, u.name, s.data AS secret FROM dp_phone_lines l"
                + " LEFT JOIN users u ON u.extension = l.extension AND ").append(EXTENSION_OWNER)
                .append(" = ? LEFT JOIN sip s ON s.id = u.extension AND s.keyword = 'secret'"
                        + " WHERE l.phone_id = ? ORDER BY l.position", phone.tenantId(), phone.id());
        return db.run(connection -> Jdbc.rows(connection, sql)).stream()
                .map(r -> new Line((String) r.get("extension"), (String) r.get("name"), (String) r.get("secret")))
                .toList();
    }

    private String insert(Connection connection, Long id, PhoneChange change, String secret, Caller caller)
            throws SQLException {
        requireFreeMac(connection, change.mac(), null);
        List<String> lines = change.lines() == null ? List.of() : change.lines();
        long tenant = caller.global() && !lines.isEmpty() ? ownerOf(connection, lines) : caller.tenantId();
        requireLinesOf(connection, lines, tenant);
        if (id == null) {
            Jdbc.update(connection, "INSERT INTO dp_phone_phones (tenant_id, name, mac, model, provisioning_secret)"
                    + " VALUES (?, ?, ?, ?, ?)", tenant, change.name(), change.mac(), change.model(), secret);
        } else {
            Jdbc.update(connection, "INSERT INTO dp_phone_phones (id, tenant_id, name, mac, model,"
                    + " provisioning_secret) VALUES (?, ?, ?, ?, ?, ?)", id, tenant, change.name(), change.mac(),
                    change.model(), secret);
        }
        long created = id != null ? id : Jdbc.number(connection, SqlFragment.of("SELECT LAST_INSERT_ID()"));
        writeLines(connection, created, lines);
        return Long.toString(created);
    }

    private static void requireFreeMac(Connection connection, String mac, Long except) throws SQLException {
        SqlFragment sql = SqlFragment.of("SELECT COUNT(*) FROM dp_phone_phones WHERE mac = ?", mac);
        if (except != null) {
            sql = sql.append(" AND id <> ?", except);
        }
        if (Jdbc.number(connection, sql) > 0) {
            throw ApiException.conflict("mac: " + mac + " is another phone's");
        }
    }

    /** The one tenant that owns all these extensions (a global caller's new phone goes to it). */
    private static long ownerOf(Connection connection, List<String> lines) throws SQLException {
        List<String> owners = Jdbc.column(connection, SqlFragment.of("SELECT DISTINCT ").append(EXTENSION_OWNER)
                .append(" FROM users u WHERE ").append(SqlFragment.in("u.extension", lines)));
        if (owners.size() > 1) {
            throw ApiException.invalid(List.of(new Problem.FieldError(PhoneFields.LINES,
                    "must be extensions of one tenant")));
        }
        return owners.isEmpty() ? -1 : Long.parseLong(owners.get(0));
    }

    /** Fails with a 422 naming the lines that are not extensions of the tenant. */
    private static void requireLinesOf(Connection connection, List<String> lines, long tenant) throws SQLException {
        if (lines.isEmpty()) {
            return;
        }
        List<String> found = Jdbc.column(connection, SqlFragment.of("SELECT u.extension FROM users u WHERE ")
                .append(SqlFragment.in("u.extension", lines)).append(" AND ").append(EXTENSION_OWNER)
                .append(" = ?", tenant));
        List<String> missing = lines.stream().filter(line -> !found.contains(line)).toList();
        if (!missing.isEmpty()) {
            throw ApiException.invalid(List.of(new Problem.FieldError(PhoneFields.LINES,
                    "not extensions of the phone's tenant: " + String.join(", ", missing))));
        }
    }

    private static void writeLines(Connection connection, long id, List<String> lines) throws SQLException {
        Jdbc.update(connection, "DELETE FROM dp_phone_lines WHERE phone_id = ?", id);
        for (int i = 0; i < lines.size(); i++) {
            Jdbc.update(connection, "INSERT INTO dp_phone_lines (phone_id, position, extension) VALUES (?, ?, ?)",
                    id, i + 1, lines.get(i));
        }
    }

    private static SqlFragment visible(Caller caller) {
        return caller.global() ? SqlFragment.EMPTY : SqlFragment.of("p.tenant_id = ?", caller.tenantId());
    }

    /**
     * Only the columns of the fields asked for; the id always, to key the rows. Not {@code Query.select}: its
     * aliases are bare, and {@code lines} is a reserved word in MariaDB. The names are the field set's own.
     */
    private static SqlFragment select(Query query) {
        StringJoiner columns = new StringJoiner(", ", "SELECT ", "");
        columns.add("p.id AS `id`");
        for (String field : query.fields()) {
            if (!field.equals("id")) {
                columns.add(PhoneFields.FIELDS.field(field).orElseThrow().column() + " AS `" + field + "`");
            }
        }
        return SqlFragment.of(columns.toString());
    }
}
