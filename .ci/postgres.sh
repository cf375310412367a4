#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for the tests (installing it from Debian's packages when
# the machine has none) and print the database URL the tests should use. --stop stops it.
set -euo pipefail
PORT=${CHUNAV_PG_PORT:-54329}
DATA=${CHUNAV_PG_DATA:-/tmp/chunav-pg}
if [ "${1:-}" != "--stop" ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2
fi
BIN=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
RUN="env"
if [ "$(id -u)" = 0 ]; then RUN="runuser -u postgres --"; fi  # the server refuses root
if [ -f "$DATA/postmaster.pid" ]; then $RUN "$BIN/pg_ctl" -D "$DATA" -m fast stop >&2 || true; fi
if [ "${1:-}" = "--stop" ]; then rm -rf "$DATA"; exit 0; fi
rm -rf "$DATA"
mkdir -p "$DATA"
[ "$(id -u)" = 0 ] && chown postgres "$DATA"
$RUN "$BIN/initdb" -D "$DATA" -U chunav --auth=trust >/dev/null
$RUN "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -o "-p $PORT -k /tmp -c listen_addresses=127.0.0.1" -w start >&2
$RUN "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U chunav chunav_test
echo "postgresql+psycopg://chunav@127.0.0.1:$PORT/chunav_test"
