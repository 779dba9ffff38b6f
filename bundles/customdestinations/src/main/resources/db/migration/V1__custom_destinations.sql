-- Custom destination types (dialplan templates with up to three declared parameters) and the tenants' custom
-- destinations, created by core's Database.migrate(bundle) when the bundle's services activate. IssabelPBX has no
-- tables for either; each destination is also mirrored into its custom_destinations table by the repository.

CREATE TABLE IF NOT EXISTS dp_customdest_types (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  name VARCHAR(40) NOT NULL,
  description VARCHAR(255) NOT NULL DEFAULT '',
  -- application calls, one a line (joined with a newline), with ${param1}..${param3} placeholders (checked by DialplanTemplate)
  template VARCHAR(2200) NOT NULL,
  param1_name VARCHAR(40) NULL,
  param1_kind VARCHAR(16) NULL,
  param2_name VARCHAR(40) NULL,
  param2_kind VARCHAR(16) NULL,
  param3_name VARCHAR(40) NULL,
  param3_kind VARCHAR(16) NULL,
  -- param1 is a number to dial: a hunt list stores such a destination as IssabelPBX stores numbers, <param1>#
  external_number TINYINT(1) NOT NULL DEFAULT 0,
  builtin TINYINT(1) NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY uq_dp_customdest_types_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The built-ins. Type 1 is MiRTA's example (cu_ct_id 1: number, INCOMINGDID, 30).
INSERT INTO dp_customdest_types (id, name, description, template, param1_name, param1_kind, param2_name,
    param2_kind, param3_name, param3_kind, external_number, builtin) VALUES
  (1, 'External number', 'Rings a number through the outbound routes, showing the caller id chosen',
   CONCAT('Gosub(dp-custom-callerid,${param2},1)', CHAR(10), 'Dial(Local/${param1}@from-internal,${param3})'),
   'Number', 'number', 'Caller id shown', 'callerid', 'Ring time', 'seconds', 1, 1),
  (2, 'Incoming DID', 'Handles the call as if it had come in on this DID (its inbound route)',
   'Goto(from-trunk,${param1},1)', 'DID', 'number', NULL, NULL, NULL, NULL, 0, 1);

CREATE TABLE IF NOT EXISTS dp_customdest_destinations (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  tenant_id INT UNSIGNED NOT NULL,
  name VARCHAR(40) NOT NULL,
  type_id INT UNSIGNED NOT NULL,
  param1 VARCHAR(40) NOT NULL DEFAULT '',
  param2 VARCHAR(40) NOT NULL DEFAULT '',
  param3 VARCHAR(40) NOT NULL DEFAULT '',
  PRIMARY KEY (id),
  KEY ix_dp_customdest_destinations_tenant (tenant_id, id),
  KEY ix_dp_customdest_destinations_type (type_id),
  CONSTRAINT fk_dp_customdest_destinations_type FOREIGN KEY (type_id) REFERENCES dp_customdest_types (id),
  CONSTRAINT fk_dp_customdest_destinations_tenant FOREIGN KEY (tenant_id) REFERENCES dp_tenants (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
