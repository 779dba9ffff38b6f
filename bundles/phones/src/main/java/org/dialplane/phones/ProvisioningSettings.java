package org.dialplane.phones;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The settings of auto-provisioning, configuration {@value #PID} (e.g. {@code etc/org.dialplane.phones.provisioning.cfg}):
 * off until {@code enabled = true}. They may change while running; every request reads them anew. As DS names
 * them, {@code _} in a method is {@code .} in the configuration: {@code base.url}, {@code sip.host},
 * {@code sip.port}, {@code rate.limit.requests}, {@code rate.limit.seconds}.
 */
@Component(service = ProvisioningSettings.class, configurationPid = ProvisioningSettings.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ProvisioningSettings.Config.class)
public class ProvisioningSettings {
    static final String PID = "org.dialplane.phones.provisioning";

    @ObjectClassDefinition(name = "Dialplane phone provisioning")
    public @interface Config {
        @AttributeDefinition(description = "Serve /provisioning/<secret>/<file> to phones; off by default")
        boolean enabled() default false;

        @AttributeDefinition(description = "Where phones reach Dialplane, e.g. https://pbx.example.com:8443: the"
                + " start of the provisioning URL shown with each phone (only its path without it)")
        String base_url() default "";

        @AttributeDefinition(description = "The SIP server phones register with (host or IP address); files are"
                + " served only once it is set")
        String sip_host() default "";

        @AttributeDefinition(description = "The SIP server's port")
        int sip_port() default 5060;

        @AttributeDefinition(description = "Requests one remote address may make per window; more answer 429")
        int rate_limit_requests() default 30;

        @AttributeDefinition(description = "The rate limit's window, in seconds")
        int rate_limit_seconds() default 60;
    }

    private volatile Config config;

    @Activate
    public ProvisioningSettings(Config config) {
        this.config = config;
    }

    @Modified
    void modified(Config changed) {
        this.config = changed;
    }

    Config config() {
        return config;
    }

    /** The URL (or, without {@code base_url}, the path) a phone with this secret fetches its files under. */
    String provisioningUrl(String secret) {
        String base = config.base_url().strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + ProvisioningServlet.PATH + "/" + secret + "/";
    }
}
