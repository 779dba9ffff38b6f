-- The first answer to each POST sent with an Idempotency-Key, per caller (tenant, and "Bearer:<user>" or
-- "ApiKey:<key name>"), kept 24 h so
-- that a client retrying (after a 503, a cut connection) gets that answer again instead of creating twice.
-- applied is set in the same transaction as the request's own write: a row with applied = 1 and no status is a
-- write that happened whose answer was lost; applied = 0 and no status, one that did not happen (or is running).
CREATE TABLE dp_idempotency (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  tenant_id BIGINT NOT NULL,
  caller VARCHAR(191) NOT NULL,
  idem_key VARCHAR(191) NOT NULL,
  fingerprint CHAR(64) NOT NULL,
  applied TINYINT NOT NULL DEFAULT 0,
  status SMALLINT NULL,
  location VARCHAR(2048) NULL,
  content_type VARCHAR(255) NULL,
  body MEDIUMBLOB NULL,
  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY dp_idempotency_key (tenant_id, caller, idem_key),
  KEY dp_idempotency_created (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
