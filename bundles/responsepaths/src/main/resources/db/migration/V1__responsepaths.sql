-- Response paths (definitions) and their recorded runs: Dialplane's own tables (IssabelPBX has none for them),
-- created by core's Database.migrate(bundle) when ResponsePathServiceImpl activates.
CREATE TABLE IF NOT EXISTS dp_responsepath_paths (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  tenant_id INT UNSIGNED NOT NULL,
  name VARCHAR(80) NOT NULL,
  prompts VARCHAR(255) NOT NULL DEFAULT '',        -- media ids in the order played, joined with ','
  voicefile TINYINT(1) NOT NULL DEFAULT 0,
  destination_type VARCHAR(16) NOT NULL,
  destination_id VARCHAR(80) NOT NULL,
  PRIMARY KEY (id),
  KEY ix_dp_responsepath_paths_tenant (tenant_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- A variable's id is what the dialplan sends as the TypeId of its VARIABLE steps: never reused.
CREATE TABLE IF NOT EXISTS dp_responsepath_variables (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  path_id INT UNSIGNED NOT NULL,
  position SMALLINT UNSIGNED NOT NULL,
  name VARCHAR(40) NOT NULL,
  max_digits SMALLINT UNSIGNED NULL,
  PRIMARY KEY (id),
  KEY ix_dp_responsepath_variables_path (path_id, position)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- One run per channel (Uniqueid) and path; two nodes hearing the same Asterisk record it once.
CREATE TABLE IF NOT EXISTS dp_responsepath_runs (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  path_id INT UNSIGNED NOT NULL,
  tenant_id INT UNSIGNED NOT NULL,
  uniqueid VARCHAR(64) NOT NULL,
  started_at DATETIME(3) NOT NULL,
  ended_at DATETIME(3) NULL,
  PRIMARY KEY (id),
  UNIQUE KEY ux_dp_responsepath_runs_call (uniqueid, path_id),
  KEY ix_dp_responsepath_runs_path (path_id, id),
  KEY ix_dp_responsepath_runs_started (started_at),
  KEY ix_dp_responsepath_runs_open (ended_at, uniqueid)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- A step is recorded once: the same event heard twice (two nodes, a replay) changes nothing.
CREATE TABLE IF NOT EXISTS dp_responsepath_steps (
  run_id BIGINT UNSIGNED NOT NULL,
  seq SMALLINT UNSIGNED NOT NULL,
  type VARCHAR(16) NOT NULL,
  type_id VARCHAR(20) NOT NULL DEFAULT '0',
  value VARCHAR(255) NOT NULL DEFAULT '',
  type_name VARCHAR(80) NOT NULL DEFAULT '',
  value_name VARCHAR(80) NOT NULL DEFAULT '',
  recorded_at DATETIME(3) NOT NULL,
  PRIMARY KEY (run_id, seq),
  UNIQUE KEY ux_dp_responsepath_steps_once (run_id, type, type_id, value(160)),
  KEY ix_dp_responsepath_steps_find (type, value(40), run_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
