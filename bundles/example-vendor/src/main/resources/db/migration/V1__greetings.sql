-- The example vendor's own table, created by core's Database.migrate(bundle) when GreetingsResource activates.
-- Versions count per bundle, from 1; a bundle's tables stay when it is removed, so a redeploy finds its data.
CREATE TABLE IF NOT EXISTS example_vendor_greetings (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  tenant_id INT UNSIGNED NOT NULL,
  text VARCHAR(200) NOT NULL,
  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (id),
  KEY ix_example_vendor_greetings_tenant (tenant_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
