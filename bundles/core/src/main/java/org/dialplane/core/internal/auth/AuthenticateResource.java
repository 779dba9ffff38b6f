package org.dialplane.core.internal.auth;

import java.sql.SQLException;
import java.util.Map;

import org.dialplane.core.auth.Public;
import org.dialplane.core.internal.audit.AuditFilter;
import org.dialplane.core.auth.PublicResource;
import org.dialplane.core.rest.ApiException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Login, token renewal and logout, as in Issabel's pbxapi: {@code POST /authenticate} with {@code user} and
 * {@code password} (form or JSON), {@code /authenticate/renewtoken?refresh_token=...}.
 */
@Component(service = AuthenticateResource.class)
@PublicResource(name = "dialplane.authenticate")
@Path("authenticate")
@Public
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class AuthenticateResource {
    private static final String REFRESH_TOKEN = "refresh_token";

    private final LoginService logins;

    @Activate
    public AuthenticateResource(@Reference LoginService logins) {
        this.logins = logins;
    }

    @POST
    public Response login(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body,
            @Context HttpServletRequest request) throws SQLException {
        Map<String, String> fields = RequestFields.parse(contentType, body);
        String user = fields.get("user");
        String password = fields.get("password");
        if (user != null) {
            // The audit log names the user of every login attempt (never the password). Jersey's request
            // properties are the servlet request's attributes, so the audit filter reads it from there.
            request.setAttribute(AuditFilter.LOGIN_USER, user);
        }
        if (user == null || password == null) {
            throw ApiException.badRequest("user and password are required");
        }
        return noStore(logins.login(user, password, request.getRemoteAddr()));
    }

    @GET
    @Path("renewtoken")
    public Response renew(@QueryParam(REFRESH_TOKEN) String refreshToken) throws SQLException {
        return noStore(logins.renew(refreshToken));
    }

    @POST
    @Path("renewtoken")
    public Response renew(@QueryParam(REFRESH_TOKEN) String refreshToken,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) throws SQLException {
        return noStore(logins.renew(refreshToken != null ? refreshToken
                : RequestFields.parse(contentType, body).get(REFRESH_TOKEN)));
    }

    /** Revokes the session of the refresh token: it and every token renewed from the same login. */
    @POST
    @Path("logout")
    public void logout(@QueryParam(REFRESH_TOKEN) String refreshToken,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) throws SQLException {
        logins.logout(refreshToken != null ? refreshToken
                : RequestFields.parse(contentType, body).get(REFRESH_TOKEN));
    }

    /** Tokens are credentials: no cache or proxy may keep them (RFC 6749, 5.1). */
    static Response noStore(Object entity) {
        return Response.ok(entity).header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache").build();
    }
}
