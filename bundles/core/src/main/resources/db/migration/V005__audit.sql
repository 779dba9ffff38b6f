-- The audit log: one row per write (and per login attempt) through the API, recorded by core's audit filter.
-- Names and ids only: never a value of a field, never a credential. Purged after the configured retention.
-- (V005, not V004: a V004 of another change may come first; versions only need to grow.)

CREATE TABLE dp_audit (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  at DATETIME(3) NOT NULL,
  -- user (a login's user name), key (an API key's id) or none (no or an unrecognised credential)
  actor_kind VARCHAR(8) NOT NULL,
  actor VARCHAR(100) NULL,
  -- the API key's name, for a reader; the user name again for users
  actor_name VARCHAR(100) NULL,
  tenant_id INT UNSIGNED NULL,
  tenant_code VARCHAR(32) NULL,
  global_caller BOOLEAN NOT NULL DEFAULT FALSE,
  address VARCHAR(64) NULL,
  method VARCHAR(16) NOT NULL,
  -- the matched path template relative to the API's root (/extensions/{ids}), or the raw path if none matched
  path VARCHAR(255) NOT NULL,
  object_ids VARCHAR(255) NULL,
  -- the names of the body's top-level fields, comma separated (no values)
  fields VARCHAR(1000) NULL,
  status SMALLINT NOT NULL,
  KEY ix_dp_audit_at (at),
  KEY ix_dp_audit_actor (actor, at),
  KEY ix_dp_audit_tenant (tenant_code, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
