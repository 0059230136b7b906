#!/usr/bin/env bash
# Starts/stops a throwaway PostgreSQL server for the Handoff tests, separate from any system cluster.
#   eval "$(scripts/postgres-test-server.sh start)"   # prints the export line for BOT_TEST_POSTGRES
#   scripts/postgres-test-server.sh stop
# Listens on 127.0.0.1:${PGPORT:-55432} only, trust auth, data in a temp dir removed by stop.
set -euo pipefail

PORT="${PGPORT:-55432}"
STATE_FILE="${TMPDIR:-/tmp}/bot-postgres-test-${PORT}.dir"

log() { echo "$*" >&2; }

find_bin() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [[ -z "$dir" || ! -x "$dir/initdb" ]]; then
    log "PostgreSQL binaries not found; installing with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update >&2
    apt-get install -y postgresql >&2
    dir="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  fi
  echo "$dir"
}

as_postgres() {
  if [[ "$(id -un)" == "postgres" ]]; then
    "$@"
  elif command -v runuser >/dev/null 2>&1; then
    runuser -u postgres -- "$@"
  else
    su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
  fi
}

start() {
  if [[ -f "$STATE_FILE" ]] && [[ -d "$(cat "$STATE_FILE")" ]]; then
    log "already started in $(cat "$STATE_FILE") (run stop first)"
    exit 1
  fi
  local bin dir
  bin="$(find_bin)"
  dir="$(mktemp -d "${TMPDIR:-/tmp}/bot-pg-XXXXXX")"
  chown postgres:postgres "$dir"
  chmod 700 "$dir"
  echo "$dir" > "$STATE_FILE"
  as_postgres "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-sync >&2
  as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >&2
  local i
  for i in $(seq 1 60); do
    if "$bin/pg_isready" -h 127.0.0.1 -p "$PORT" -q; then
      echo "export BOT_TEST_POSTGRES='Host=127.0.0.1;Port=$PORT;Username=postgres;Database=postgres'"
      return 0
    fi
    sleep 0.5
  done
  log "server did not become ready; see $dir/server.log"
  exit 1
}

stop() {
  if [[ ! -f "$STATE_FILE" ]]; then
    log "not started (no $STATE_FILE)"
    return 0
  fi
  local bin dir
  dir="$(cat "$STATE_FILE")"
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [[ -d "$dir/data" ]]; then
    as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
  fi
  case "$dir" in
    "${TMPDIR:-/tmp}"/bot-pg-*) rm -rf "$dir" ;;
    *) log "refusing to delete unexpected dir $dir" ;;
  esac
  rm -f "$STATE_FILE"
  log "stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
