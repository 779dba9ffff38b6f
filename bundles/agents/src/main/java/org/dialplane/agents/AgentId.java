package org.dialplane.agents;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.auth.Tenant;
import org.dialplane.core.auth.Tenants;
import org.dialplane.core.rest.ApiException;

/**
 * The {@code {extension}} of {@code /pbxapi/agents/{extension}/pause}: a number ({@code 104}) or MiRTA's form with
 * the tenant code ({@code 104-DEVEL}), which MiRTA clients send because that is how MiRTA names its agents.
 *
 * @param number     the extension number
 * @param tenantCode the tenant code after the dash, or null
 */
record AgentId(String number, String tenantCode) {
    /** Digits, then optionally a dash and a tenant code as core accepts them (letter first). */
    private static final Pattern FORM = Pattern.compile("([0-9]{1,20})(?:-([A-Za-z][A-Za-z0-9_-]{0,31}))?");

    /** Parses the path segment; 400 for anything else (a list, a name, an empty code). */
    static AgentId parse(String segment) {
        Matcher matcher = FORM.matcher(segment == null ? "" : segment.trim());
        if (!matcher.matches()) {
            throw ApiException.badRequest("Invalid extension '" + segment
                    + "': a number such as 104, or a number and a tenant code such as 104-DEVEL");
        }
        return new AgentId(matcher.group(1), matcher.group(2));
    }

    /**
     * The caller whose tenant the extension must belong to. Without a code: the caller. A tenant's caller may name
     * only its own tenant; any other code is 404, as another tenant's extension is (whether that tenant exists is
     * not the caller's business). A global caller acts for the named tenant, so that {@code 104-DEVEL} is DEVEL's
     * 104 and not whichever tenant owns 104.
     */
    Caller scope(Caller caller, Tenants tenants) {
        if (tenantCode == null) {
            return caller;
        }
        if (!caller.global()) {
            if (tenantCode.equals(caller.tenantCode())) {
                return caller;
            }
            throw ApiException.notFound("No extension " + this);
        }
        Tenant tenant = tenants.byCode(tenantCode)
                .orElseThrow(() -> ApiException.notFound("No extension " + this + ": no tenant " + tenantCode));
        return new Caller(caller.name(), tenant.id(), tenant.code(), false, caller.readOnly());
    }

    @Override
    public String toString() {
        return tenantCode == null ? number : number + "-" + tenantCode;
    }
}
