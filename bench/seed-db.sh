#!/usr/bin/env bash
# Creates the databases dpbench_ext_pbx and dpbench_ext_cdr on the MariaDB server at BENCH_DB_HOST:BENCH_DB_PORT
# (default 127.0.0.1:3306, root, no password) and puts N extensions (default 100000, numbers 50000 up) straight into
# IssabelPBX's tables (users, devices, the sip secret) with MariaDB's sequence engine, as IssabelPBX's GUI would
# leave them: nothing in Dialplane's own tables. Seeding 100,000 through the API takes minutes; this takes seconds.
# Then run the bench on them without seeding (the product's first start indexes them, migration V004):
#   DIALPLANE_DB_URL=jdbc:mariadb://127.0.0.1:3306/dpbench_ext_pbx DIALPLANE_CDR_DB_URL=jdbc:mariadb://127.0.0.1:3306/dpbench_ext_cdr \
#   DIALPLANE_DB_USER=root DIALPLANE_DB_PASSWORD= bench/run.sh --extensions 100000 --seed false ...
# bench/seed-db.sh --drop removes both databases.
set -euo pipefail
host=${BENCH_DB_HOST:-127.0.0.1} port=${BENCH_DB_PORT:-3306} user=${BENCH_DB_USER:-root}
sql() { MYSQL_PWD=${BENCH_DB_PASSWORD:-} mysql -h "$host" -P "$port" -u "$user" --batch "$@"; }
if [ "${1:-}" = "--drop" ]; then
  sql -e "DROP DATABASE IF EXISTS dpbench_ext_pbx; DROP DATABASE IF EXISTS dpbench_ext_cdr"
  exit 0
fi
n=${1:-100000}
root=$(cd "$(dirname "$0")/.." && pwd)
sql -e "DROP DATABASE IF EXISTS dpbench_ext_pbx; DROP DATABASE IF EXISTS dpbench_ext_cdr;
        CREATE DATABASE dpbench_ext_pbx CHARACTER SET utf8mb4; CREATE DATABASE dpbench_ext_cdr CHARACTER SET utf8mb4"
sql dpbench_ext_pbx < "$root/bundles/core/src/main/resources/db/issabel/asterisk.sql"
last=$((50000 + n - 1))
sql dpbench_ext_pbx -e "
  INSERT INTO users (extension, password, name, voicemail, ringtimer) SELECT seq, '', CONCAT('Seeded ', seq), 'novm', 0
    FROM seq_50000_to_${last};
  INSERT INTO devices (id, tech, dial, devicetype, user, description, emergency_cid)
    SELECT seq, 'sip', CONCAT('SIP/', seq), 'fixed', seq, CONCAT('Seeded ', seq), '' FROM seq_50000_to_${last};
  INSERT INTO sip (id, keyword, data, flags) SELECT seq, 'secret', MD5(seq), 2 FROM seq_50000_to_${last};"
echo "seeded $n extensions (50000-$last) into dpbench_ext_pbx on $host:$port"
