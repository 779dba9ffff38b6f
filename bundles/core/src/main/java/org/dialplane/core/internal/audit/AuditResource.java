package org.dialplane.core.internal.audit;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.dialplane.core.auth.GlobalOnly;
import org.dialplane.core.auth.PbxResource;
import org.dialplane.core.db.Database;
import org.dialplane.core.db.SqlFragment;
import org.dialplane.core.internal.auth.UtcTimes;
import org.dialplane.core.rest.ApiException;
import org.dialplane.core.rest.Doc;
import org.dialplane.core.rest.Fields;
import org.dialplane.core.rest.Query;
import org.dialplane.core.rest.Results;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code GET /audit}: the audit log, for global callers only, newest first, always paged ({@code limit} 100 by
 * default, at most 1000) with its {@code total}. Filters: {@code from}/{@code to} (ISO-8601 instants or dates,
 * UTC; {@code to} excluded), {@code user} (a user name, an API key's id or name), {@code tenant} (a code),
 * {@code method}, {@code path} (a prefix of the template, e.g. {@code /extensions}), {@code status} ({@code 401}
 * or a class such as {@code 4xx}).
 */
@Component(service = AuditResource.class)
@PbxResource(name = "dialplane.audit")
@Path("audit")
@GlobalOnly
@Produces(MediaType.APPLICATION_JSON)
@Fields(AuditFields.class)
public class AuditResource {
    static final int DEFAULT_LIMIT = 100;
    private static final Pattern STATUS = Pattern.compile("[1-5](\\d\\d|xx)");
    private static final Pattern METHOD = Pattern.compile("[A-Za-z]{1,16}");

    private final Database database;

    @Activate
    public AuditResource(@Reference Database database) {
        this.database = database;
    }

    @GET
    @Doc("The audit log: every write and login attempt, newest first, filtered and paged")
    public Results list(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("user") String user, @QueryParam("tenant") String tenant,
            @QueryParam("method") String method, @QueryParam("path") String path,
            @QueryParam("status") String status, @Context UriInfo uri) throws SQLException {
        Map<String, List<String>> parameters = new HashMap<>(uri.getQueryParameters());
        parameters.putIfAbsent("direction", List.of("desc"));
        Query query = Query.parse(parameters, AuditFields.FIELDS);
        SqlFragment where = filter(from, to, user, tenant, method, path, status);
        AuditStore store = new AuditStore(database.pbx());
        int limit = query.limit().orElse(DEFAULT_LIMIT);
        return Results.page(query.project(store.page(where, query, limit)), store.count(where));
    }

    /** The WHERE clause of the filters; 400 naming a malformed one. Values are parameters, never SQL text. */
    static SqlFragment filter(String from, String to, String user, String tenant, String method, String path,
            String status) {
        List<SqlFragment> conditions = new ArrayList<>();
        if (present(from)) {
            conditions.add(SqlFragment.of("at >= ?", UtcTimes.toColumn(instant("from", from))));
        }
        if (present(to)) {
            conditions.add(SqlFragment.of("at < ?", UtcTimes.toColumn(instant("to", to))));
        }
        if (present(user)) {
            conditions.add(SqlFragment.of("(actor = ? OR actor_name = ?)", text("user", user, 100),
                    text("user", user, 100)));
        }
        if (present(tenant)) {
            conditions.add(SqlFragment.of("tenant_code = ?", text("tenant", tenant, 32)));
        }
        if (present(method)) {
            if (!METHOD.matcher(method.trim()).matches()) {
                throw ApiException.badRequest("method: must be an HTTP method such as POST");
            }
            conditions.add(SqlFragment.of("method = ?", method.trim().toUpperCase(Locale.ROOT)));
        }
        if (present(path)) {
            conditions.add(SqlFragment.of("path LIKE ? ESCAPE '!'", escapeLike(text("path", path, 255)) + "%"));
        }
        if (present(status)) {
            String code = status.trim().toLowerCase(Locale.ROOT);
            if (!STATUS.matcher(code).matches()) {
                throw ApiException.badRequest("status: must be an HTTP status (404) or a class (4xx)");
            }
            if (code.endsWith("xx")) {
                int first = (code.charAt(0) - '0') * 100;
                conditions.add(SqlFragment.of("status BETWEEN ? AND ?", first, first + 99));
            } else {
                conditions.add(SqlFragment.of("status = ?", Integer.parseInt(code)));
            }
        }
        return SqlFragment.where(conditions.toArray(SqlFragment[]::new));
    }

    static Instant instant(String name, String value) {
        String text = value.trim();
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC)
                    : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + ": must be an ISO-8601 instant (2026-01-31T12:00:00Z) or date");
        }
    }

    private static String text(String name, String value, int max) {
        String text = value.trim();
        if (text.length() > max) {
            throw ApiException.badRequest(name + ": at most " + max + " characters");
        }
        return text;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
