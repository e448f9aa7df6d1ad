# shellcheck shell=bash
# shellcheck disable=SC2034 # PG_PORT and PG_CONN are read by the script that sources this file
# A private, throw-away PostgreSQL server for tests and benchmarks. Sourced by ./leerkluis.
#
#   pg_start [extra postgres -c settings...]   starts it; sets PG_DIR, PG_PORT, PG_CONN
#   pg_stop                                     stops it and deletes its folder (idempotent)
#
# Why private: tests and benches must never touch the system cluster (or a developer's own
# databases), and two runs on one machine must not collide. So each run gets its own folder,
# its own free port, its own socket directory and listens on 127.0.0.1 only.
# The caller owns the clean-up: `trap pg_stop EXIT` right after sourcing.

PG_DIR=""
PG_PORT=""
PG_CONN=""

# Newest installed server binaries (Debian puts them under /usr/lib/postgresql/<major>/bin,
# not on PATH).
pg_bin_dir() {
  local dir
  dir=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  if [[ -z "$dir" || ! -x "$dir/initdb" ]]; then
    echo "pg.sh: no PostgreSQL server found under /usr/lib/postgresql (apt-get install postgresql)" >&2
    return 1
  fi
  echo "$dir"
}

# initdb refuses to run as root, so as root the server runs as the 'postgres' system user
# (created by the Debian package); as an ordinary user it simply runs as that user.
pg_as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# First port from $1 upwards that nothing on 127.0.0.1 answers on. Bash's /dev/tcp avoids
# depending on ss/netstat. A tiny race with another starter is possible; pg_start retries.
pg_free_port() {
  local port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    port=$((port + 1))
  done
  echo "$port"
}

pg_start() {
  local bin setting attempt
  local -a opts=()
  bin=$(pg_bin_dir) || return 1

  # /tmp rather than the work tree: the 'postgres' user must be able to reach the folder, and a
  # clone under /root (mode 700) would not allow that.
  PG_DIR=$(mktemp -d /tmp/leerkluis-pg.XXXXXX)
  chmod 700 "$PG_DIR"
  if [[ $(id -u) -eq 0 ]]; then chown postgres:postgres "$PG_DIR"; fi

  # trust auth is fine: the server only listens on 127.0.0.1 and a socket in our own folder,
  # and lives for one run. -N (no fsync) because the data is thrown away.
  if ! pg_as_owner "$bin/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 \
      --locale=C.UTF-8 -N >"$PG_DIR/initdb.log" 2>&1; then
    echo "pg.sh: initdb failed:" >&2
    cat "$PG_DIR/initdb.log" >&2
    return 1
  fi

  for setting in "$@"; do opts+=(-c "$setting"); done

  for attempt in 1 2 3; do
    PG_PORT=$(pg_free_port $((55432 + (attempt - 1) * 17)))
    if pg_as_owner "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 start \
        -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 ${opts[*]}" >/dev/null 2>&1; then
      PG_CONN="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
      return 0
    fi
  done
  echo "pg.sh: PostgreSQL did not start; last lines of its log:" >&2
  tail -n 20 "$PG_DIR/server.log" >&2 || true
  return 1
}

# Safe to call more than once and from an EXIT trap: never fails, prints nothing on success.
pg_stop() {
  [[ -n "$PG_DIR" && -d "$PG_DIR" ]] || return 0
  local bin
  if bin=$(pg_bin_dir 2>/dev/null) && [[ -f "$PG_DIR/data/postmaster.pid" ]]; then
    pg_as_owner "$bin/pg_ctl" -D "$PG_DIR/data" -m fast -w -t 30 stop >/dev/null 2>&1 \
      || pg_as_owner "$bin/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$PG_DIR"
  PG_DIR=""
  PG_PORT=""
  PG_CONN=""
  return 0
}
