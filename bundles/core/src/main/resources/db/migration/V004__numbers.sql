-- A numeric copy of the number of each extension and ring group, so that a list in numeric order reads an index
-- (kind, number) instead of sorting every row by CAST(users.extension AS UNSIGNED): IssabelPBX's tables are never
-- altered. The repositories keep it in the transaction that writes the object; core's NumberIndex brings it back
-- in line with the tables when another tool (IssabelPBX's GUI) writes them behind Dialplane's back.
-- object_id is latin1 like IssabelPBX's own tables on a real PBX: joined to users.extension (latin1 there, utf8mb4
-- in the tables Dialplane creates), the index of users stays usable either way.
CREATE TABLE dp_numbers (
  kind VARCHAR(32) CHARACTER SET latin1 NOT NULL,
  object_id VARCHAR(20) CHARACTER SET latin1 NOT NULL,
  number BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (kind, object_id),
  KEY ix_dp_numbers_order (kind, number, object_id)
) ENGINE=InnoDB;

INSERT IGNORE INTO dp_numbers (kind, object_id, number)
  SELECT 'extension', u.extension, CAST(u.extension AS UNSIGNED) FROM users u JOIN devices d ON d.id = u.extension;

INSERT IGNORE INTO dp_numbers (kind, object_id, number)
  SELECT 'ringgroup', r.grpnum, CAST(r.grpnum AS UNSIGNED) FROM ringgroups r;

-- The numbers taken by any destination (extensions, ring groups, queues) as maximal runs of consecutive numbers,
-- so that the next free number is one look-up (the run holding the lowest number of the kind ends just before it)
-- instead of a scan of every number under the numbering lock. Kept by NumberIndex.add/remove under that lock;
-- rebuilt from IssabelPBX's tables (core's Numbering) when a number it calls free turns out taken, which is how
-- rows written behind Dialplane's back are noticed: it never hands out a taken number. Empty until the first create.
CREATE TABLE dp_number_runs (
  first BIGINT UNSIGNED NOT NULL,
  last BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (first)
) ENGINE=InnoDB;
