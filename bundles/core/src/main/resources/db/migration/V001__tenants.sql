-- Dialplane's tenants and the ownership of IssabelPBX objects by tenant, kept beside the IssabelPBX tables
-- so those are never altered. An object without a row in dp_tenant_objects belongs to the `default` tenant.

CREATE TABLE dp_tenants (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  code VARCHAR(32) NOT NULL,
  name VARCHAR(100) NOT NULL,
  enabled TINYINT(1) NOT NULL DEFAULT 1,
  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (id),
  UNIQUE KEY uq_dp_tenants_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO dp_tenants (code, name) VALUES ('default', 'Default tenant');

-- kind names the IssabelPBX object type ('extension', 'ringgroup', 'queue', 'trunk', ...); object_id is its key
-- there (e.g. users.extension). One owner per object.
CREATE TABLE dp_tenant_objects (
  kind VARCHAR(32) NOT NULL,
  object_id VARCHAR(80) NOT NULL,
  tenant_id INT UNSIGNED NOT NULL,
  PRIMARY KEY (kind, object_id),
  KEY ix_dp_tenant_objects_tenant (tenant_id, kind),
  CONSTRAINT fk_dp_tenant_objects_tenant FOREIGN KEY (tenant_id) REFERENCES dp_tenants (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
