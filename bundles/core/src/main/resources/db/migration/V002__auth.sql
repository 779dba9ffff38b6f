-- Users, API keys, refresh tokens and per-installation secrets; tenant details used by auth and resources.
-- Dialplane's own tables only: no IssabelPBX table is touched.

-- The extension range of a tenant, where resources pick its next free numbers (both NULL: no range).
ALTER TABLE dp_tenants
  ADD COLUMN IF NOT EXISTS enabled TINYINT(1) NOT NULL DEFAULT 1,
  ADD COLUMN IF NOT EXISTS range_start BIGINT NULL,
  ADD COLUMN IF NOT EXISTS range_end BIGINT NULL;

-- A user or key without a tenant is global: it sees every tenant.

CREATE TABLE dp_users (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(64) NOT NULL,
  password_hash VARCHAR(255) NOT NULL,
  enabled BOOLEAN NOT NULL DEFAULT TRUE,
  read_only BOOLEAN NOT NULL DEFAULT FALSE,
  tenant_id INT UNSIGNED NULL,
  created DATETIME(3) NOT NULL,
  updated DATETIME(3) NOT NULL,
  UNIQUE KEY uq_dp_users_name (name),
  KEY ix_dp_users_tenant (tenant_id),
  CONSTRAINT fk_dp_users_tenant FOREIGN KEY (tenant_id) REFERENCES dp_tenants (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE dp_api_keys (
  id CHAR(16) NOT NULL PRIMARY KEY,
  name VARCHAR(100) NOT NULL,
  tenant_id INT UNSIGNED NULL,
  read_only BOOLEAN NOT NULL DEFAULT FALSE,
  secret_hash CHAR(64) NOT NULL,
  created DATETIME(3) NOT NULL,
  last_used DATETIME(3) NULL,
  KEY ix_dp_api_keys_tenant (tenant_id),
  CONSTRAINT fk_dp_api_keys_tenant FOREIGN KEY (tenant_id) REFERENCES dp_tenants (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE dp_refresh_tokens (
  id CHAR(36) NOT NULL PRIMARY KEY,
  session_id CHAR(36) NOT NULL,
  user_name VARCHAR(64) NOT NULL,
  issued DATETIME(3) NOT NULL,
  expires DATETIME(3) NOT NULL,
  used DATETIME(3) NULL,
  revoked DATETIME(3) NULL,
  KEY ix_dp_refresh_tokens_session (session_id),
  KEY ix_dp_refresh_tokens_expires (expires),
  KEY ix_dp_refresh_tokens_revoked (revoked)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE dp_secrets (
  name VARCHAR(64) NOT NULL PRIMARY KEY,
  secret VARBINARY(512) NOT NULL,
  created DATETIME(3) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
