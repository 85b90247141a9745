#!/usr/bin/env bash
# A PostgreSQL cluster owned by the project: data under $FLOWCARE_LOCAL/postgres,
# bound to 127.0.0.1 on its own port, never the system service.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
local_dir="${FLOWCARE_LOCAL:-$repo/.local}"
port="${FLOWCARE_PG_PORT:-55432}"
base="$local_dir/postgres"
data="$base/data"
log="$base/postgres.log"
say() { echo "postgres: $*" >&2; }

find_bin() {
  local d
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
    pg_config --bindir; return
  fi
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$d/initdb" ] && { echo "$d"; return; }
  done
}

ensure_installed() {
  bin="$(find_bin)"
  if [ -z "$bin" ]; then
    say "installing Debian's postgresql package"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq postgresql >/dev/null
    bin="$(find_bin)"
  fi
  [ -n "$bin" ] || { say "could not find initdb after installing postgresql"; exit 1; }
}

# PostgreSQL refuses to run as root, so as root the cluster belongs to the
# package's postgres account.
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

running() { [ -f "$data/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; }

start() {
  ensure_installed
  mkdir -p "$base"
  if [ "$(id -u)" = 0 ]; then
    chown postgres "$base"
    # postgres must be able to reach its data directory through the repo path.
    d="$base"; while [ "$d" != / ]; do chmod o+x "$d" 2>/dev/null || true; d="$(dirname "$d")"; done
  fi
  if [ ! -f "$data/PG_VERSION" ]; then
    say "initialising a cluster in $data"
    as_owner "$bin/initdb" -D "$data" -U flowcare --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$base/initdb.log" 2>&1 \
      || { cat "$base/initdb.log" >&2; exit 1; }
  fi
  if running; then
    say "already running on 127.0.0.1:$port"
  else
    say "starting on 127.0.0.1:$port"
    as_owner "$bin/pg_ctl" -D "$data" -l "$log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $data -c fsync=off -c synchronous_commit=off -c max_connections=200" start >/dev/null \
      || { tail -n 40 "$log" >&2; exit 1; }
  fi
  if ! as_owner "$bin/psql" -h 127.0.0.1 -p "$port" -U flowcare -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='flowcare'" | grep -q 1; then
    as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U flowcare flowcare
  fi
  echo "postgres $("$bin/postgres" --version | awk '{print $3}') ready at postgres://flowcare@127.0.0.1:$port/flowcare"
}

stop() {
  bin="$(find_bin)"
  if [ -n "$bin" ] && running; then
    as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null
    say "stopped"
  else
    say "not running"
  fi
}

status() {
  bin="$(find_bin)"
  if [ -n "$bin" ] && running; then echo "postgres running on 127.0.0.1:$port"; else echo "postgres not running"; fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
