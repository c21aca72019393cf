#!/usr/bin/env bash
# Runs the views bench (cdc/benches/views.rs) on a private PostgreSQL cluster with spaced
# checkpoints and shared buffers that hold the 1M-row fixture, then stops and deletes it.
#
#   bash cdc/benches/views-on-postgres.sh                 # 4GB shared buffers, 1M-row view
#   PG_SHARED_BUFFERS=128MB bash cdc/benches/views-on-postgres.sh   # PostgreSQL's default
#   ORBIT_BENCH_LARGE_VIEW=100000 bash cdc/benches/views-on-postgres.sh
#   PG_SETTINGS="-c max_wal_size=1GB -c checkpoint_timeout=5min" bash …   # more -c, last wins
#
# The cluster listens on a free loopback port, on a data directory under $TMPDIR, with
# synchronous_commit and full_page_writes on (durability as shipped). Checkpoints are spaced
# because the first change to a page after each checkpoint logs the whole page, and a page of
# moves in a 1M-row view changes hundreds of pages for the first time (BENCHMARKS.md).
# Needs PostgreSQL's server binaries (Debian: postgresql); as root it runs them as `postgres`.
set -euo pipefail
cd "$(dirname "$0")/../.."

bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "error: PostgreSQL's server binaries (initdb, pg_ctl) are not installed" >&2
    exit 1
fi

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port=55432
while port_open "$port"; do port=$((port + 1)); done

dir="$(mktemp -d "${TMPDIR:-/tmp}/orbit-views-pg.XXXXXX")"
as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi

stop() {
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$dir"
}
trap stop EXIT

as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust >/dev/null
as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w start -o "\
 -h 127.0.0.1 -p $port -k $dir \
 -c shared_buffers=${PG_SHARED_BUFFERS:-4GB} \
 -c max_wal_size=16GB -c checkpoint_timeout=30min \
 -c autovacuum=off -c synchronous_commit=on -c full_page_writes=on ${PG_SETTINGS:-}" >/dev/null
echo "==> PostgreSQL on 127.0.0.1:$port, shared_buffers=${PG_SHARED_BUFFERS:-4GB} ${PG_SETTINGS:-}"

ORBIT_BENCH_POSTGRES="postgres://postgres@127.0.0.1:$port/postgres" \
    cargo bench -p orbit-cdc --bench views "$@"
