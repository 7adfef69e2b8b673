#!/usr/bin/env bash
# Local infrastructure for development and CI: PostgreSQL 15, RabbitMQ and FerretDB v1 (a
# MongoDB-compatible server), each on 127.0.0.1 only, on non-default ports, with its data in the
# git-ignored .data/ and tools built into the git-ignored .tools/.
#
#   bash deploy/infra.sh up      install what is missing, start what is not running (reuses the rest)
#   bash deploy/infra.sh down    stop the servers started from this checkout (data is kept)
#   bash deploy/infra.sh status  one line per server; exits 1 when one is not answering
#   bash deploy/infra.sh env     export lines: eval "$(bash deploy/infra.sh env)"
#
# Works for a developer (sudo is used for apt-get when not root) and in CI (CI=true, no terminal).
# Progress goes to stderr, so the output of `env` and `status` stays clean.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="$ROOT/.data"
TOOLS="$ROOT/.tools"

PG_PORT=55432
PG_BIN=/usr/lib/postgresql/15/bin
PG_DIR="$DATA/postgres"            # the cluster
PG_SOCKET_DIR="$DATA/postgres-socket"
PG_LOG="$DATA/postgres.log"

RABBIT_PORT=55672
RABBIT_DIST_PORT=55673
RABBIT_EPMD_PORT=55674             # our own epmd, so `down` leaves nothing behind
RABBIT_NODE=hearth@localhost
RABBIT_BIN=/usr/lib/rabbitmq/bin   # the real scripts; /usr/sbin's wrapper resets HOME and the env
RABBIT_DIR="$DATA/rabbitmq"

FERRET_PORT=57017
FERRET_VERSION=v1.24.2             # the last v1; v2 needs a Postgres extension we cannot install
FERRET_BIN="$TOOLS/bin/ferretdb"
# FerretDB keeps its data in a database of the Postgres above: its SQLite handler pushes no
# filter down, so each GridFS chunk read scanned every chunk (1 MB took 2-3 s once 50 MB were
# stored, and a 50-file zip timed out); with Postgres the same zip streams in seconds.
FERRET_DATABASE=ferretdb
FERRET_STATE_DIR="$DATA/ferretdb-state"
FERRET_PID="$DATA/ferretdb.pid"
FERRET_LOG="$DATA/ferretdb.log"

DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
AMQP_URL="amqp://guest:guest@127.0.0.1:$RABBIT_PORT"
MONGO_URL="mongodb://127.0.0.1:$FERRET_PORT/"

export DEBIAN_FRONTEND=noninteractive

# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------

say() { printf '[infra] %s\n' "$*" >&2; }
die() {
  printf '[infra] ERROR: %s\n' "$1" >&2
  shift
  for hint in "$@"; do printf '[infra]   → %s\n' "$hint" >&2; done
  exit 1
}

is_root() { [ "$(id -u)" -eq 0 ]; }

# Runs a command as a service's system user when we are root (postgres refuses to run as root),
# as ourselves otherwise. Starts from / so a cwd the user cannot read does not matter.
as_user() {
  local user="$1"
  shift
  if is_root; then
    (cd / && runuser -u "$user" -- "$@" 9>&-)
  else
    (cd / && "$@" 9>&-)
  fi
}

# Gives a directory to the user a server runs as (only needed when we are root).
own_dir() {
  local user="$1" dir="$2" mode="${3:-700}"
  mkdir -p "$dir"
  if is_root; then chown -R "$user:" "$dir"; fi
  chmod "$mode" "$dir"
}

# The server's system user must be able to reach .data (e.g. not a checkout under a 0700 /root).
check_reachable() {
  local user="$1"
  is_root || return 0
  as_user "$user" test -x "$DATA" && return 0
  die "the '$user' user cannot reach $DATA (a parent folder is closed to other users)." \
    "clone the repository under a folder others may traverse (e.g. /work or /srv), or" \
    "open the parents: chmod o+x on each folder above $ROOT"
}

# shellcheck disable=SC2016 # these `bash -c` scripts take the port as $1
port_open() { timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"' _ "$1" 2>/dev/null; }

wait_for() {
  local what="$1" seconds="$2"
  shift 2
  local deadline=$((SECONDS + seconds))
  until "$@"; do
    if [ "$SECONDS" -ge "$deadline" ]; then return 1; fi
    sleep 0.5
  done
  say "$what answers"
}

APT_UPDATED=
apt_install() {
  local sudo=()
  if ! is_root; then
    command -v sudo >/dev/null ||
      die "cannot install $* without root." "run: su -c 'apt-get install -y $*' (then run this again)"
    sudo=(sudo -n)
    "${sudo[@]}" true 2>/dev/null ||
      die "installing $* needs root and sudo asks for a password." "run: sudo apt-get install -y $* (then run this again)"
  fi
  command -v apt-get >/dev/null || die "no apt-get here: install $* with your package manager."
  say "installing $* (Debian packages)"
  # Keep the packages' maintainer scripts from starting system-wide servers on the default ports.
  local policy=/usr/sbin/policy-rc.d added_policy=
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | "${sudo[@]}" tee "$policy" >/dev/null
    "${sudo[@]}" chmod 755 "$policy"
    added_policy=1
  fi
  local ok=1
  if [ -z "$APT_UPDATED" ]; then
    "${sudo[@]}" apt-get update -qq || ok=
    APT_UPDATED=1
  fi
  [ -n "$ok" ] && "${sudo[@]}" apt-get install -y -qq --no-install-recommends "$@" >&2 || ok=
  if [ -n "$added_policy" ]; then "${sudo[@]}" rm -f "$policy"; fi
  [ -n "$ok" ] || die "apt-get could not install $*." "check the network to the Debian mirror, then run: bash deploy/infra.sh up"
}

# ---------------------------------------------------------------------------------------------
# PostgreSQL 15
# ---------------------------------------------------------------------------------------------

pg_ours_running() {
  [ -f "$PG_DIR/PG_VERSION" ] && as_user postgres "$PG_BIN/pg_ctl" -D "$PG_DIR" status >/dev/null 2>&1
}

pg_answers() {
  "$PG_BIN/psql" "$DATABASE_URL" -XAtqc 'select 1' >/dev/null 2>&1
}

pg_install() {
  if [ -x "$PG_BIN/postgres" ] && [ -f /usr/share/postgresql/15/extension/pgcrypto.control ]; then return; fi
  apt_install postgresql-15 postgresql-contrib-15
  [ -x "$PG_BIN/postgres" ] || die "postgresql-15 installed, but $PG_BIN/postgres is missing."
}

pg_init() {
  [ -f "$PG_DIR/PG_VERSION" ] && return
  say "postgres: creating a cluster in .data/postgres"
  own_dir postgres "$PG_DIR" 700
  as_user postgres "$PG_BIN/initdb" -D "$PG_DIR" -U postgres --auth=trust \
    --encoding=UTF8 --locale=C.UTF-8 >"$DATA/postgres-initdb.log" 2>&1 ||
    die "initdb failed; see .data/postgres-initdb.log." "remove .data/postgres and run: bash deploy/infra.sh up"
  echo "include 'hearth.conf'" >>"$PG_DIR/postgresql.conf"
}

pg_configure() {
  # Written on every start so a change here takes effect on the next start.
  cat >"$PG_DIR/hearth.conf" <<EOF
# Written by deploy/infra.sh: changes here are overwritten.
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_SOCKET_DIR'
max_connections = 300
shared_buffers = 256MB
EOF
  cat >"$PG_DIR/pg_hba.conf" <<EOF
# Written by deploy/infra.sh: trust, but only through the socket in .data and 127.0.0.1.
local all all              trust
host  all all 127.0.0.1/32 trust
EOF
  if is_root; then chown postgres: "$PG_DIR/hearth.conf" "$PG_DIR/pg_hba.conf"; fi
  own_dir postgres "$PG_SOCKET_DIR" 700
  touch "$PG_LOG"
  if is_root; then chown postgres: "$PG_LOG"; fi
}

pg_up() {
  if pg_ours_running; then
    say "postgres: already running (reused)"
  elif pg_answers; then
    say "postgres: a server not started from this checkout already answers on 127.0.0.1:$PG_PORT (reused)"
    return
  elif port_open "$PG_PORT"; then
    die "port $PG_PORT is taken by something that is not a usable PostgreSQL." \
      "see what holds it: ss -ltnp 'sport = :$PG_PORT'"
  else
    pg_install
    check_reachable postgres
    pg_init
    pg_configure
    say "postgres: starting"
    as_user postgres "$PG_BIN/pg_ctl" -D "$PG_DIR" -l "$PG_LOG" -w -t 60 start >/dev/null ||
      die "postgres did not start; see .data/postgres.log." "fix what it says, then run: bash deploy/infra.sh up"
  fi
  wait_for "postgres on 127.0.0.1:$PG_PORT" 30 pg_answers ||
    die "postgres runs but does not accept connections; see .data/postgres.log."
}

pg_down() {
  if pg_ours_running; then
    say "postgres: stopping"
    as_user postgres "$PG_BIN/pg_ctl" -D "$PG_DIR" -m fast -w -t 60 stop >/dev/null
  else
    say "postgres: not running"
  fi
}

pg_status() {
  if pg_ours_running && pg_answers; then
    echo "postgres  running   127.0.0.1:$PG_PORT  (data .data/postgres)"
  elif pg_answers; then
    echo "postgres  running   127.0.0.1:$PG_PORT  (not started from this checkout)"
  else
    echo "postgres  stopped"
    return 1
  fi
}

# ---------------------------------------------------------------------------------------------
# RabbitMQ
# ---------------------------------------------------------------------------------------------

# Every RabbitMQ command (server and CLI) must see the same environment, or the CLI cannot find
# the node (cookie in HOME, node name, epmd port).
rabbit() {
  local cmd="$1"
  shift
  as_user rabbitmq env \
    HOME="$RABBIT_DIR" \
    RABBITMQ_CONF_ENV_FILE="$RABBIT_DIR/rabbitmq-env.conf" \
    RABBITMQ_CONFIG_FILE="$RABBIT_DIR/rabbitmq.conf" \
    RABBITMQ_ENABLED_PLUGINS_FILE="$RABBIT_DIR/enabled_plugins" \
    RABBITMQ_MNESIA_BASE="$RABBIT_DIR/mnesia" \
    RABBITMQ_LOG_BASE="$RABBIT_DIR/log" \
    RABBITMQ_PID_FILE="$RABBIT_DIR/rabbitmq.pid" \
    RABBITMQ_NODENAME="$RABBIT_NODE" \
    RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 \
    RABBITMQ_NODE_PORT="$RABBIT_PORT" \
    RABBITMQ_DIST_PORT="$RABBIT_DIST_PORT" \
    ERL_EPMD_ADDRESS=127.0.0.1 \
    ERL_EPMD_PORT="$RABBIT_EPMD_PORT" \
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}" \
    RABBITMQ_CTL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}" \
    "$RABBIT_BIN/$cmd" "$@"
}

# An AMQP 0-9-1 handshake: send the protocol header, expect a method frame (connection.start).
amqp_answers() {
  # shellcheck disable=SC2016
  timeout 3 bash -c '
    exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
    printf "AMQP\x00\x00\x09\x01" >&3
    [ "$(head -c 1 <&3 | od -An -tx1 | tr -d " \n")" = "01" ]' _ "$RABBIT_PORT" 2>/dev/null
}

rabbit_ours_running() {
  local pid
  pid="$(cat "$RABBIT_DIR/rabbitmq.pid" 2>/dev/null)" || return 1
  [ -n "$pid" ] && [ -d "/proc/$pid" ] && grep -q beam "/proc/$pid/cmdline" 2>/dev/null
}

rabbit_install() {
  if [ -x "$RABBIT_BIN/rabbitmq-server" ]; then return; fi
  apt_install rabbitmq-server
}

rabbit_configure() {
  own_dir rabbitmq "$RABBIT_DIR" 700
  cat >"$RABBIT_DIR/rabbitmq.conf" <<EOF
# Written by deploy/infra.sh. guest/guest may only log in from loopback (RabbitMQ's default).
loopback_users.guest = true
log.console = false
log.file.level = info
EOF
  echo '[].' >"$RABBIT_DIR/enabled_plugins"
  : >"$RABBIT_DIR/rabbitmq-env.conf" # keeps /etc/rabbitmq/rabbitmq-env.conf out of the way
  if is_root; then chown -R rabbitmq: "$RABBIT_DIR"; fi
}

rabbit_up() {
  if rabbit_ours_running; then
    say "rabbitmq: already running (reused)"
  elif amqp_answers; then
    say "rabbitmq: a broker not started from this checkout already answers on 127.0.0.1:$RABBIT_PORT (reused)"
    return
  elif port_open "$RABBIT_PORT"; then
    die "port $RABBIT_PORT is taken by something that does not speak AMQP." \
      "see what holds it: ss -ltnp 'sport = :$RABBIT_PORT'"
  else
    rabbit_install
    check_reachable rabbitmq
    rabbit_configure
    say "rabbitmq: starting node $RABBIT_NODE"
    rm -f "$RABBIT_DIR/rabbitmq.pid"
    ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true # a file handle per queue
    rabbit rabbitmq-server -detached >"$DATA/rabbitmq-start.log" 2>&1 ||
      die "rabbitmq-server did not start; see .data/rabbitmq-start.log and .data/rabbitmq/log/."
    # `wait` returns once the pid file exists and the broker application has booted.
    rabbit rabbitmqctl -n "$RABBIT_NODE" wait --timeout 90 "$RABBIT_DIR/rabbitmq.pid" >/dev/null 2>&1 ||
      die "rabbitmq did not finish booting; see .data/rabbitmq/log/ and .data/rabbitmq-start.log." \
        "then run: bash deploy/infra.sh down && bash deploy/infra.sh up"
  fi
  wait_for "rabbitmq on 127.0.0.1:$RABBIT_PORT" 30 amqp_answers ||
    die "rabbitmq runs but does not answer AMQP on $RABBIT_PORT; see .data/rabbitmq/log/."
}

rabbit_down() {
  if rabbit_ours_running; then
    say "rabbitmq: stopping"
    rabbit rabbitmqctl -n "$RABBIT_NODE" stop "$RABBIT_DIR/rabbitmq.pid" >/dev/null 2>&1 || {
      say "rabbitmq: rabbitmqctl stop failed; ending the process"
      kill "$(cat "$RABBIT_DIR/rabbitmq.pid")" 2>/dev/null || true
    }
  else
    say "rabbitmq: not running"
  fi
  # Our own epmd (port $RABBIT_EPMD_PORT) is no longer needed once no node is registered with it.
  if port_open "$RABBIT_EPMD_PORT" && ! ERL_EPMD_PORT=$RABBIT_EPMD_PORT epmd -names 2>/dev/null | grep -q '^name '; then
    ERL_EPMD_PORT=$RABBIT_EPMD_PORT epmd -kill >/dev/null 2>&1 || true
  fi
}

rabbit_status() {
  if rabbit_ours_running && amqp_answers; then
    echo "rabbitmq  running   127.0.0.1:$RABBIT_PORT  (node $RABBIT_NODE, data .data/rabbitmq)"
  elif amqp_answers; then
    echo "rabbitmq  running   127.0.0.1:$RABBIT_PORT  (not started from this checkout)"
  else
    echo "rabbitmq  stopped"
    return 1
  fi
}

# ---------------------------------------------------------------------------------------------
# FerretDB v1 (MongoDB wire protocol, stored in the local Postgres)
# ---------------------------------------------------------------------------------------------

# A MongoDB OP_MSG {hello: 1, $db: "admin"}; the reply must be an OP_MSG (opCode 2013) too.
mongo_answers() {
  # shellcheck disable=SC2016
  timeout 3 bash -c '
    exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
    printf "\x34\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00\xdd\x07\x00\x00\x00\x00\x00\x00\x00" >&3
    printf "\x1f\x00\x00\x00\x10hello\x00\x01\x00\x00\x00\x02\$db\x00\x06\x00\x00\x00admin\x00\x00" >&3
    [ "$(head -c 16 <&3 | od -An -tx1 -j12 | tr -d " \n")" = "dd070000" ]' _ "$FERRET_PORT" 2>/dev/null
}

ferret_pid() {
  local pid
  pid="$(cat "$FERRET_PID" 2>/dev/null)" || return 1
  [ -n "$pid" ] && [ -d "/proc/$pid" ] && grep -q ferretdb "/proc/$pid/cmdline" 2>/dev/null && echo "$pid"
}

# `go install github.com/FerretDB/FerretDB/cmd/ferretdb@v1.24.2` builds a binary that panics at
# start: its version file (build/version/version.txt) is generated by FerretDB's own build and is
# not in the module. So: take the module's source from the Go module proxy, write that file, and
# build the command inside it with the module's own go.sum.
ferret_build() {
  if [ -x "$FERRET_BIN" ] && "$FERRET_BIN" --version 2>/dev/null | grep -q "version: $FERRET_VERSION"; then return; fi
  command -v go >/dev/null ||
    die "Go is needed to build FerretDB, and 'go' is not on PATH." "install Go ≥ 1.22 (https://go.dev/doc/install), then run: bash deploy/infra.sh up"
  say "ferretdb: building $FERRET_VERSION into .tools/bin (first time only, about a minute)"
  local work src
  work="$(mktemp -d)"
  # shellcheck disable=SC2064
  trap "rm -rf '$work'; trap - RETURN" RETURN
  src="$(cd "$work" && GOFLAGS=-mod=mod go mod download -json "github.com/FerretDB/FerretDB@$FERRET_VERSION" |
    sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')"
  [ -d "${src:-/nonexistent}" ] ||
    die "could not download the FerretDB $FERRET_VERSION module." "check access to the Go module proxy (go env GOPROXY), then run: bash deploy/infra.sh up"
  cp -R "$src" "$work/src"
  chmod -R u+w "$work/src"
  echo "$FERRET_VERSION" >"$work/src/build/version/version.txt"
  mkdir -p "$TOOLS/bin"
  (cd "$work/src" && GOFLAGS=-buildvcs=false CGO_ENABLED=0 go build -trimpath -o "$FERRET_BIN.tmp" ./cmd/ferretdb) >&2 ||
    die "building FerretDB failed (output above)." "fix the Go toolchain or module proxy access, then run: bash deploy/infra.sh up"
  mv "$FERRET_BIN.tmp" "$FERRET_BIN"
}

ferret_up() {
  local running
  # one started by an older checkout on SQLite: restarted on Postgres (the data is test data)
  if running="$(ferret_pid)" && tr '\0' ' ' <"/proc/$running/cmdline" | grep -q -- '--handler=sqlite'; then
    ferret_down
  fi
  if ferret_pid >/dev/null; then
    say "ferretdb: already running (reused)"
  elif mongo_answers; then
    say "ferretdb: a MongoDB-compatible server not started from this checkout already answers on 127.0.0.1:$FERRET_PORT (reused)"
    return
  elif port_open "$FERRET_PORT"; then
    die "port $FERRET_PORT is taken by something that does not speak the MongoDB protocol." \
      "see what holds it: ss -ltnp 'sport = :$FERRET_PORT'"
  else
    ferret_build
    mkdir -p "$FERRET_STATE_DIR"
    "$PG_BIN/psql" "$DATABASE_URL" -XAtqc "select 1 from pg_database where datname = '$FERRET_DATABASE'" | grep -q 1 ||
      "$PG_BIN/psql" "$DATABASE_URL" -XAtqc "create database $FERRET_DATABASE" >/dev/null ||
      die "could not create the database '$FERRET_DATABASE' for FerretDB." "see .data/postgres.log, then run: bash deploy/infra.sh up"
    say "ferretdb: starting"
    # setsid: its own session, so it outlives the shell (and CI step) that started it.
    setsid nohup "$FERRET_BIN" \
      --handler=postgresql \
      --postgresql-url="postgres://postgres@127.0.0.1:$PG_PORT/$FERRET_DATABASE" \
      --listen-addr="127.0.0.1:$FERRET_PORT" \
      --state-dir="$FERRET_STATE_DIR" \
      --debug-addr=- \
      --telemetry=disable \
      --log-level=warn \
      </dev/null >>"$FERRET_LOG" 2>&1 9>&- &
    echo $! >"$FERRET_PID"
  fi
  wait_for "ferretdb on 127.0.0.1:$FERRET_PORT" 30 mongo_answers ||
    die "ferretdb did not answer on $FERRET_PORT; see .data/ferretdb.log." "then run: bash deploy/infra.sh up"
}

ferret_down() {
  local pid
  if pid="$(ferret_pid)"; then
    say "ferretdb: stopping"
    kill "$pid"
    local deadline=$((SECONDS + 15))
    while [ -d "/proc/$pid" ] && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.2; done
    if [ -d "/proc/$pid" ]; then kill -9 "$pid" 2>/dev/null || true; fi
  else
    say "ferretdb: not running"
  fi
  rm -f "$FERRET_PID"
}

ferret_status() {
  local pid
  if pid="$(ferret_pid)" && mongo_answers; then
    echo "ferretdb  running   127.0.0.1:$FERRET_PORT  (pid $pid, data .data/ferretdb)"
  elif mongo_answers; then
    echo "ferretdb  running   127.0.0.1:$FERRET_PORT  (not started from this checkout)"
  else
    echo "ferretdb  stopped"
    return 1
  fi
}

# ---------------------------------------------------------------------------------------------

print_env() {
  printf "export DATABASE_URL='%s'\n" "$DATABASE_URL"
  printf "export AMQP_URL='%s'\n" "$AMQP_URL"
  printf "export MONGO_URL='%s'\n" "$MONGO_URL"
}

# One `up` or `down` at a time (e.g. a test run and `npm start` starting together). Servers are
# started with fd 9 closed (see as_user), or they would hold the lock for as long as they run.
lock() {
  mkdir -p "$DATA"
  exec 9>"$DATA/infra.lock"
  if ! flock -n 9; then
    say "waiting for another deploy/infra.sh to finish (lock .data/infra.lock)"
    flock -w 180 9 || die "another deploy/infra.sh held the lock for 3 minutes." \
      "see it with: ps -ef | grep [i]nfra.sh"
  fi
}

main() {
  case "${1:-}" in
    up)
      lock
      local started=$SECONDS
      pg_up
      rabbit_up
      ferret_up
      say "ready in $((SECONDS - started)) s: $DATABASE_URL  $AMQP_URL  $MONGO_URL"
      ;;
    down)
      lock
      ferret_down
      rabbit_down
      pg_down
      ;;
    status)
      local rc=0
      pg_status || rc=1
      rabbit_status || rc=1
      ferret_status || rc=1
      return "$rc"
      ;;
    env) print_env ;;
    *)
      echo "usage: bash deploy/infra.sh up|down|status|env" >&2
      return 2
      ;;
  esac
}

main "$@"
