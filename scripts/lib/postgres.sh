# Sourced by the scripts: finds a PostgreSQL server for the tests and the demo
# and exports EXSYNC_TEST_DATABASE_URL (a server URL whose database is an admin
# database; each test class creates and drops a database of its own).
#
# Order: EXSYNC_TEST_DATABASE_URL if set; else a server on 127.0.0.1:5432 if one
# answers; else a throwaway cluster started from the installed binaries as an
# unprivileged user (PostgreSQL refuses to run as root) and stopped on exit;
# else one line on how to get PostgreSQL.

pg_answers() { # host port
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h "$1" -p "$2" -t 3
  else
    (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
  fi
}

pg_bin_dir() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin /usr/local/pgsql/bin /opt/homebrew/bin /usr/local/bin /usr/bin 2>/dev/null | sort -rV); do
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
  done
  return 1
}

free_port() {
  local p
  for p in $(seq 55432 55532); do
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return 0; }
  done
  return 1
}

start_throwaway_postgres() {
  local bin run_as dir port
  bin=$(pg_bin_dir) || return 1
  port=$(free_port) || return 1
  dir=$(mktemp -d /tmp/exsync-pg.XXXXXX)
  run_as=()
  if [ "$(id -u)" = 0 ]; then
    local user=postgres
    id "$user" >/dev/null 2>&1 || user=nobody
    chown "$user" "$dir"
    run_as=(runuser -u "$user" --)
  fi
  "${run_as[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 >"$dir/initdb.log" 2>&1 || {
    echo "initdb failed, see $dir/initdb.log" >&2; return 1; }
  "${run_as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null || {
    echo "PostgreSQL did not start, see $dir/server.log" >&2; return 1; }
  EXSYNC_THROWAWAY_PG_STOP="${run_as[*]} $bin/pg_ctl -D $dir/data -m fast stop"
  trap 'eval "$EXSYNC_THROWAWAY_PG_STOP" >/dev/null 2>&1; rm -rf "'"$dir"'"' EXIT
  export EXSYNC_TEST_DATABASE_URL="postgresql://postgres@127.0.0.1:$port/postgres"
  echo "Started a throwaway PostgreSQL on 127.0.0.1:$port (stopped on exit)." >&2
}

use_postgres() {
  if [ -n "${EXSYNC_TEST_DATABASE_URL:-}" ]; then
    return 0
  fi
  if pg_answers 127.0.0.1 5432; then
    export EXSYNC_TEST_DATABASE_URL="postgresql://postgres@127.0.0.1:5432/postgres"
    return 0
  fi
  start_throwaway_postgres && return 0
  echo "No PostgreSQL found: start one on 127.0.0.1:5432 (for example 'apt-get install postgresql'), or set EXSYNC_TEST_DATABASE_URL=postgresql://user:password@host:port/postgres." >&2
  exit 1
}
