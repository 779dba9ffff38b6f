-- Phones: Dialplane's own tables (IssabelPBX has none for phones). Created by Database.migrate(bundle) when
-- PhoneRepository activates. A MAC address is stored in one form (upper-case pairs joined with ':'), unique on the
-- whole system; the provisioning secret is the random path segment of the phone's provisioning URL.
CREATE TABLE IF NOT EXISTS dp_phone_phones (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  tenant_id INT UNSIGNED NOT NULL,
  name VARCHAR(80) NOT NULL,
  mac VARCHAR(23) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  model VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  provisioning_secret VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (id),
  UNIQUE KEY ux_dp_phone_phones_mac (mac),
  KEY ix_dp_phone_phones_tenant (tenant_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- A phone's lines in order (position 1 is line 1): extension numbers of the phone's tenant.
CREATE TABLE IF NOT EXISTS dp_phone_lines (
  phone_id BIGINT UNSIGNED NOT NULL,
  position SMALLINT UNSIGNED NOT NULL,
  extension VARCHAR(20) NOT NULL,
  PRIMARY KEY (phone_id, position),
  KEY ix_dp_phone_lines_extension (extension)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
