package org.dialplane.launcher;

import java.util.List;

/**
 * One setting of the product: its key in {@code etc/dialplane.cfg}, the environment variable that overrides
 * the file, the command-line flag that overrides both (if any), and the framework property through which the
 * bundles see it.
 */
enum Setting {
    HTTP_PORT("http.port", "DIALPLANE_HTTP_PORT", "--port", "8080", Container.HTTP_PORT_PROPERTY,
            "HTTP port"),
    HTTP_HOST("http.host", "DIALPLANE_HTTP_HOST", "--host", "0.0.0.0", Container.HTTP_HOST_PROPERTY,
            "address to listen on"),
    HTTPS_PORT("https.port", "DIALPLANE_HTTPS_PORT", "--https-port", "", "dialplane.https.port",
            "HTTPS port (same address); empty = no HTTPS; needs tls.certificate"),
    TLS_CERTIFICATE("tls.certificate", "DIALPLANE_TLS_CERTIFICATE", null, "", "dialplane.tls.certificate",
            "PEM certificate chain, or a PKCS#12 keystore (.p12/.pfx) holding key and chain"),
    TLS_KEY("tls.key", "DIALPLANE_TLS_KEY", null, "", "dialplane.tls.key",
            "PEM private key (unencrypted PKCS#8) of a PEM certificate"),
    TLS_PASSWORD("tls.password", "DIALPLANE_TLS_PASSWORD", null, "", "dialplane.tls.password",
            "password of the PKCS#12 keystore"),
    HTTP_REDIRECT("http.redirect", "DIALPLANE_HTTP_REDIRECT", null, "false", "dialplane.http.redirect",
            "true = plain HTTP from other hosts answers 308 to HTTPS (loopback is served as is)"),
    DB_URL("db.url", "DIALPLANE_DB_URL", null, "", "dialplane.db.url",
            "PBX config DB, e.g. jdbc:mariadb://127.0.0.1:3306/asterisk; empty = embedded MariaDB in data/"),
    DB_USER("db.user", "DIALPLANE_DB_USER", null, "", "dialplane.db.user", "PBX config DB user"),
    DB_PASSWORD("db.password", "DIALPLANE_DB_PASSWORD", null, "", "dialplane.db.password",
            "PBX config DB password"),
    CDR_DB_URL("cdr.db.url", "DIALPLANE_CDR_DB_URL", null, "", "dialplane.cdr.db.url",
            "CDR DB; empty = same server, database asteriskcdrdb"),
    ADMIN_PASSWORD("admin.password", "DIALPLANE_ADMIN_PASSWORD", null, "", "dialplane.admin.password",
            "password of user admin, applied at start; empty = random, printed once at first start"),
    ACCESS_TOKEN_TTL("access.token.ttl", "DIALPLANE_ACCESS_TOKEN_TTL", null, "3600",
            "dialplane.access.token.ttl", "access token lifetime, seconds"),
    REFRESH_TOKEN_TTL("refresh.token.ttl", "DIALPLANE_REFRESH_TOKEN_TTL", null, "86400",
            "dialplane.refresh.token.ttl", "refresh token lifetime, seconds"),
    AMI_HOST("ami.host", "DIALPLANE_AMI_HOST", null, "", "dialplane.ami.host",
            "Asterisk Manager Interface host; empty = no PBX attached"),
    AMI_PORT("ami.port", "DIALPLANE_AMI_PORT", null, "5038", "dialplane.ami.port", "AMI port"),
    AMI_USER("ami.user", "DIALPLANE_AMI_USER", null, "", "dialplane.ami.user", "AMI user"),
    AMI_SECRET("ami.secret", "DIALPLANE_AMI_SECRET", null, "", "dialplane.ami.secret", "AMI secret"),
    APPLY_COMMAND("apply.command", "DIALPLANE_APPLY_COMMAND", null, "", "dialplane.apply.command",
            "command that applies config (e.g. /usr/sbin/amportal a r); empty = AMI reload if attached"),
    // No defaults here: unset, core takes the path from etc/org.dialplane.asterisk.cfg or its own default.
    ASTERISK_SPOOL("asterisk.spool", "DIALPLANE_ASTERISK_SPOOL", null, "", "dialplane.asterisk.spool",
            "Asterisk spool root (voicemail/, monitor/); unset = spool in etc/org.dialplane.asterisk.cfg"),
    SOUNDS_DIR("sounds.dir", "DIALPLANE_SOUNDS_DIR", null, "", "dialplane.sounds.dir",
            "sounds root for media files; unset = sounds in etc/org.dialplane.asterisk.cfg"),
    ASTERISK_ETC("asterisk.etc", "DIALPLANE_ASTERISK_ETC", null, "", "dialplane.asterisk.etc",
            "Asterisk config dir (voicemail.conf); unset = etc in etc/org.dialplane.asterisk.cfg"),
    LOG_FORMAT("log.format", "DIALPLANE_LOG_FORMAT", null, "plain", "dialplane.log.format",
            "server log lines (console and log/dialplane.log): plain or json"),
    FEATURES("features", "DIALPLANE_FEATURES", null, "dialplane", "dialplane.features",
            "comma-separated features of bundles/feature.xml to install");

    final String key;
    final String env;
    final String flag;
    final String defaultValue;
    final String property;
    final String description;

    Setting(String key, String env, String flag, String defaultValue, String property, String description) {
        this.key = key;
        this.env = env;
        this.flag = flag;
        this.defaultValue = defaultValue;
        this.property = property;
        this.description = description;
    }

    static List<Setting> all() {
        return List.of(values());
    }
}
