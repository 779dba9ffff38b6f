package org.dialplane.core.internal.auth;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.db.Database;
import org.dialplane.core.rest.ApiException;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Password logins, token renewal and logout. At start it makes sure the {@value #ADMIN} user exists: with the
 * configured password, or else a random one printed once.
 */
// Immediate: the admin user (and its generated password, printed once) exists from the first start, not
// from the first login attempt.
@Component(service = LoginService.class, immediate = true)
public class LoginService {
    private static final Logger LOG = LoggerFactory.getLogger(LoginService.class);
    static final String ADMIN = "admin";
    private static final int MAX_FAILURES = 5;

    private final UserStore users;
    private final SessionTokens sessions;
    private final PasswordHash passwords = new PasswordHash();
    private final LoginThrottle throttle = new LoginThrottle(MAX_FAILURES, Duration.ofMinutes(5),
            Duration.ofSeconds(30), Clock.systemUTC());
    /**
     * Applying the admin password costs a PBKDF2 derivation (600,000 rounds: seconds with the default C1-only JIT
     * on a small machine). Done during activation it held up every component waiting on the database, and past
     * DS's 5 s lock timeout the login resource failed to get this service and stayed unregistered. So it runs in
     * its own thread, and a login waits for it.
     */
    private final CompletableFuture<Void> adminApplied;

    @Activate
    public LoginService(@Reference Database database, @Reference SessionTokens sessions, BundleContext context)
            throws SQLException {
        this.users = new UserStore(database.pbx());
        this.sessions = sessions;
        String configured = AuthSettings.from(context).adminPassword();
        adminApplied = CompletableFuture.runAsync(() -> {
            try {
                ensureAdmin(configured);
            } catch (SQLException | RuntimeException e) {
                LOG.error("Could not apply the password of user {}", ADMIN, e);
            }
        }, runnable -> {
            Thread thread = new Thread(runnable, "dialplane-admin-password");
            thread.setDaemon(true);
            thread.start();
        });
    }

    private void ensureAdmin(String configured) throws SQLException {
        if (configured != null) {
            Optional<UserStore.User> admin = users.find(ADMIN);
            if (admin.isEmpty() || !passwords.verify(configured, admin.get().passwordHash())) {
                users.putGlobalUser(ADMIN, passwords.hash(configured));
                LOG.info("Password of user {} set from {}", ADMIN, AuthSettings.ADMIN_PASSWORD);
            }
            return;
        }
        if (!users.exists(ADMIN)) {
            String generated = PasswordHash.randomPassword(20);
            users.putGlobalUser(ADMIN, passwords.hash(generated));
            // Printed, not logged: log files are kept and shared, the console of the first start is not.
            System.out.println("\n*** Dialplane: user '" + ADMIN + "' created with password: " + generated
                    + "\n*** It is shown only this once. Set DIALPLANE_ADMIN_PASSWORD to choose it.\n");
            LOG.warn("User {} created with a generated password, printed on the console", ADMIN);
        }
    }

    /** Tokens for a user name and password; 401 if they do not match, 429 after too many failures. */
    TokenPair login(String name, String password, String client) throws SQLException {
        try {
            adminApplied.join();
        } catch (CompletionException logged) {
            // logged where it failed; the stored users answer
        }
        Optional<Duration> wait = throttle.lockedOut(client);
        if (wait.isPresent()) {
            throw AuthProblems.tooManyAttempts(wait.get());
        }
        Optional<UserStore.User> user = name == null || name.isEmpty() ? Optional.empty() : users.find(name);
        boolean matches;
        if (user.isPresent()) {
            matches = passwords.verify(password == null ? "" : password, user.get().passwordHash());
        } else {
            passwords.verifyNothing(password == null ? "" : password);
            matches = false;
        }
        if (!matches || !user.get().enabled()) {
            throttle.failed(client);
            LOG.info("Failed login for user '{}' from {}", printable(name), client);
            throw AuthProblems.unauthorized("Wrong user name or password");
        }
        throttle.succeeded(client);
        return sessions.open(user.get().caller());
    }

    TokenPair renew(String refreshToken) throws SQLException {
        try {
            return sessions.rotate(required(refreshToken), this::currentCaller);
        } catch (TokenRejected rejected) {
            throw AuthProblems.rejected(rejected);
        }
    }

    void logout(String refreshToken) throws SQLException {
        try {
            sessions.close(required(refreshToken));
        } catch (TokenRejected rejected) {
            throw AuthProblems.rejected(rejected);
        }
    }

    private Optional<Caller> currentCaller(String name) throws SQLException {
        return users.find(name).filter(UserStore.User::enabled).map(UserStore.User::caller);
    }

    private static String required(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw ApiException.badRequest("refresh_token is required");
        }
        return refreshToken.trim();
    }

    /** A user name as it may go into a log line: no line breaks, bounded length. */
    private static String printable(String name) {
        if (name == null) {
            return "";
        }
        String flat = name.replaceAll("[\\r\\n\\t]", "_");
        return flat.length() > 64 ? flat.substring(0, 64) + "..." : flat;
    }
}
