package org.dialplane.mirta;

import org.dialplane.core.auth.Caller;

/**
 * One MiRTA request type (or one {@code info=}/{@code object=} of INFO and MANAGEDB) served by one Dialplane
 * service. Each is a DS component that references its service, so it is registered exactly while that service is
 * there: {@link ProxyApiServlet} serves it then, lists it in HELP, and answers 503 for it otherwise. Adding a
 * reqtype is adding one such class (and its line in {@link Catalog}).
 */
interface Reqtype {
    /** The reqtype, upper-case: {@code DIAL}, {@code INFO}, {@code MANAGEDB}. */
    String reqtype();

    /**
     * The value of the reqtype's selector ({@link Catalog#selector}) this handler serves, upper-case and singular
     * ({@code RECORDING} for {@code info=recording}, {@code TENANT} for {@code object=tenants}); empty for a reqtype
     * without one.
     */
    default String selected() {
        return "";
    }

    /** Whether this request changes anything: a read-only key is refused it (403). When unsure, true. */
    boolean writes(ProxyRequest request);

    /**
     * Whether the handler acts for the tenant the request names ({@code tenant=}, {@link Scope}); false for what is
     * the installation's (the tenants themselves), which acts for the key's own caller.
     */
    default boolean tenantScoped() {
        return true;
    }

    /** The reqtype's lines of the HELP page: its parameters and actions, indented as MiRTA's. */
    String help();

    /**
     * Serves the request for {@code caller} (already scoped to the request's tenant and allowed to write when
     * {@link #writes} says so). Errors are core's {@link org.dialplane.core.rest.ApiException}s, answered as
     * {@code Error|<detail>|} with their status.
     */
    Answer handle(ProxyRequest request, Caller caller);
}
