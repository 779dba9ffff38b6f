-- A mirror of the AstDB keys Dialplane writes (AMPUSER/<ext>/..., DEVICE/<ext>/..., RINGGROUP/<n>/...), so that
-- reads work without AMI and a PBX attached later can be brought up to date from here.
CREATE TABLE dp_astdb (
  family VARCHAR(64) NOT NULL,
  keyname VARCHAR(191) NOT NULL,
  value VARCHAR(255) NOT NULL,
  PRIMARY KEY (family, keyname)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
