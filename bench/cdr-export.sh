#!/usr/bin/env bash
# The 1,000,000-CDR export: Dialplane's streamed CSV (GET /pbxapi/cdrs?format=csv) against `mysql --batch` running
# the same SELECT (same columns, same order) on the same server, in one run; the product runs with a small heap.
#
#   bench/cdr-export.sh [--rows N] [--xmx SIZE] [--runs N] [--dump FILE] [--keep]
#
# --dump: the PBX database is loaded from this IssabelPBX dump (its `asterisk` database, e.g.
# ../shared/reference/issabelpbx-2018-dump.sql) before the product starts on it, instead of an empty one.
#
# Environment: BENCH_DB_HOST / BENCH_DB_PORT / BENCH_DB_USER / BENCH_DB_PASSWORD: a MariaDB server the bench may
# create (and drop) two databases on, dpbench_cdr_pbx and dpbench_cdr_cdr (default 127.0.0.1:3306, root, no password).
# The distribution must be built (mvn -B -q package -DskipTests -pl launcher -am).
set -euo pipefail

rows=1000000 xmx=96m runs=1 keep=no dump=""
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) rows=$2; shift 2 ;;
    --xmx) xmx=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --dump) dump=$2; shift 2 ;;
    --keep) keep=yes; shift ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "cdr-export.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
done

root=$(cd "$(dirname "$0")/.." && pwd)
dist=$root/launcher/target/dialplane
[ -x "$dist/bin/dialplane" ] || { echo "build first: mvn -B -q package -DskipTests -pl launcher -am" >&2; exit 2; }
host=${BENCH_DB_HOST:-127.0.0.1} dbport=${BENCH_DB_PORT:-3306} user=${BENCH_DB_USER:-root}
password=${BENCH_DB_PASSWORD:-}
sql() { MYSQL_PWD=$password mysql -h "$host" -P "$dbport" -u "$user" --batch "$@"; }
pbx=dpbench_cdr_pbx cdr=dpbench_cdr_cdr

work=$(mktemp -d "${TMPDIR:-/tmp}/dialplane-cdr-bench.XXXXXX")
product_pid=""
cleanup() {
  if [ -n "$product_pid" ] && kill -0 "$product_pid" 2>/dev/null; then
    kill -TERM "$product_pid"; for _ in $(seq 200); do kill -0 "$product_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$product_pid" 2>/dev/null || true
  fi
  if [ "$keep" = yes ]; then echo "kept $work and the databases $pbx, $cdr"; else
    sql -e "DROP DATABASE IF EXISTS $pbx; DROP DATABASE IF EXISTS $cdr" || true; rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

sql -e "DROP DATABASE IF EXISTS $pbx; DROP DATABASE IF EXISTS $cdr; CREATE DATABASE $pbx; CREATE DATABASE $cdr"
if [ -n "$dump" ]; then
  echo "== loading $dump into $pbx"
  # The dump creates and uses its own `asterisk` database: load its tables into ours instead.
  sed -e '/^CREATE DATABASE /d' -e '/^USE `/d' "$dump" | sql "$pbx"
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export DIALPLANE_ADMIN_PASSWORD=bench-$RANDOM$RANDOM$RANDOM
export DIALPLANE_DB_URL="jdbc:mariadb://$host:$dbport/$pbx" DIALPLANE_CDR_DB_URL="jdbc:mariadb://$host:$dbport/$cdr"
export DIALPLANE_DB_USER=$user DIALPLANE_DB_PASSWORD=$password
# The product's own JVM options (bin/dialplane), with the heap limit of this bench.
defaults=$(sed -n 's/.*\${JAVA_OPTS:-\([^}]*\)}.*/\1/p' "$dist/bin/dialplane" | head -n 1)
export JAVA_OPTS="$(echo "$defaults" | sed 's/-Xmx[^ ]*//') -Xmx$xmx"
"$dist/bin/dialplane" --port "$port" --host 127.0.0.1 --home "$work/home" > "$work/dialplane.log" 2>&1 &
product_pid=$!
base=http://127.0.0.1:$port
for _ in $(seq 900); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/pbxapi/system/health")" = 200 ] && break
  kill -0 "$product_pid" 2>/dev/null || { tail -n 40 "$work/dialplane.log" >&2; exit 1; }
  sleep 0.1
done

echo "== seeding $rows CDRs into $cdr.cdr"
sql "$cdr" -e "INSERT INTO cdr (calldate, clid, src, dst, dcontext, channel, dstchannel, lastapp, lastdata,
  duration, billsec, disposition, amaflags, accountcode, uniqueid, userfield, did, recordingfile, cnum, cnam,
  linkedid, sequence)
  SELECT '2024-01-01' + INTERVAL seq * 2 SECOND, CONCAT('\"Caller ', seq % 1000, '\" <', 200 + seq % 300, '>'),
    200 + seq % 300, IF(seq % 3 = 0, CONCAT('0034911', LPAD(seq % 1000000, 6, '0')), 200 + (seq * 7) % 300),
    'from-internal', CONCAT('SIP/', 200 + seq % 300, '-', LPAD(HEX(seq), 8, '0')),
    CONCAT('SIP/', 200 + (seq * 7) % 300, '-', LPAD(HEX(seq + 1), 8, '0')), 'Dial', 'SIP/201,30,tTr',
    seq % 240, seq % 200, ELT(1 + seq % 4, 'ANSWERED', 'NO ANSWER', 'BUSY', 'ANSWERED'), 3, '',
    CONCAT(1704067200 + seq * 2, '.', seq), '', '', '', 200 + seq % 300, CONCAT('Caller ', seq % 1000),
    CONCAT(1704067200 + seq * 2, '.', seq), seq
  FROM seq_1_to_$rows"
sql "$cdr" -e "ANALYZE TABLE cdr" > /dev/null

token=$(curl -s "$base/pbxapi/authenticate" --data-urlencode user=admin \
  --data-urlencode "password=$DIALPLANE_ADMIN_PASSWORD" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
auth="Authorization: Bearer $token"
curl -s -o /dev/null -X PUT -H "$auth" -H 'Content-Type: application/json' -d '{"name":"Bench"}' \
  "$base/pbxapi/extensions/201?reload=0"
fields=calldate,clid,src,dst,dcontext,channel,dstchannel,lastapp,lastdata,duration,billsec,disposition,amaflags,accountcode,uniqueid,userfield,did,recordingfile,cnum,cnam,outbound_cnum,outbound_cnam,dst_cnam,linkedid,peeraccount,sequence
columns=$(echo "$fields" | sed 's/\([a-z_]*\)/r.\1/g')
query="SELECT $columns FROM cdr r ORDER BY r.calldate, COALESCE(r.uniqueid, ''), r.sequence"

# Warm-up: the JIT and the pool, on one day.
curl -s -o /dev/null -H "$auth" "$base/pbxapi/cdrs?format=csv&start=2024-01-02&end=2024-01-03"

now() { date +%s.%N; }
results=$work/results
for run in $(seq "$runs"); do
  t0=$(now); sql "$cdr" -e "$query" > "$work/mysql.tsv"; t1=$(now)
  echo "mysql $(echo "$t1 - $t0" | bc) $(stat -c %s "$work/mysql.tsv") $(($(wc -l < "$work/mysql.tsv") - 1))" >> "$results"
  curl -s -o "$work/export.csv" -w "dialplane %{time_total} %{size_download} %{http_code}\n" -H "$auth" \
    "$base/pbxapi/cdrs?format=csv&tenant=%25" >> "$results"
  echo "rows $(($(python3 -c 'import csv,sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], newline=""))))' "$work/export.csv") - 1))" >> "$results"
done
first_byte=$(curl -s -o /dev/null -w '%{time_starttransfer}' -H "$auth" \
  "$base/pbxapi/cdrs?format=csv&tenant=default&start=2024-01-10&end=2024-01-11")
day_rows=$(curl -s -H "$auth" "$base/pbxapi/cdrs?format=csv&tenant=default&start=2024-01-10&end=2024-01-11" | wc -l)
rss=$(ps -o rss= -p "$(pgrep -P "$product_pid" java || echo "$product_pid")" 2>/dev/null || echo "?")

[ -n "$dump" ] && echo "== PBX database: $dump"
echo "== $rows CDRs, all columns ($(echo "$fields" | tr ',' '\n' | wc -l)), ordered by calldate, uniqueid, sequence"
echo "JVM options: $JAVA_OPTS"
cat "$results"
python3 - "$results" <<'PY'
import sys, statistics
mysql, product = [], []
for line in open(sys.argv[1]):
    parts = line.split()
    if parts[0] == "mysql": mysql.append(float(parts[1]))
    if parts[0] == "dialplane":
        if parts[3] != "200": sys.exit("the export answered " + parts[3])
        product.append(float(parts[1]))
m, p = statistics.median(mysql), statistics.median(product)
print(f"mysql --batch: {m:.2f} s   dialplane CSV: {p:.2f} s   speed ratio (mysql time / dialplane time): {m / p:.2f}")
PY
echo "a tenant's one-day export (tenant=default, extension 201, $((day_rows - 1)) rows): first byte after ${first_byte} s"
echo "product RSS after the exports: ${rss} KiB"
