#!/usr/bin/env bash
# Start a throwaway PostgreSQL server on loopback for the store tests (installing it
# with apt-get when absent) and print its URL, alone, on stdout:
#
#     export SITREP_TEST_PG_URL="$(scripts/ci-postgres.sh)"
#
# Everything else goes to stderr, so stdout is the URL only. Re-running reuses a server
# that is already up. Trust authentication is safe here only because the server listens
# on 127.0.0.1 and a private socket directory, and holds nothing but test data.
set -euo pipefail

PORT="${SITREP_PG_PORT:-55432}"
DATA="${SITREP_PG_DATA:-/tmp/sitrep-pg/data}"
SOCKETS="$(dirname "$DATA")"
DATABASE=sitrep_test
USER_NAME=sitrep

if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
    echo "ci-postgres: installing postgresql" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends postgresql >&2
fi
BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"

# initdb and the server refuse to run as root: run them as the postgres user then.
if [ "$(id -u)" = 0 ]; then
    as_owner() { runuser -u postgres -- "$@"; }
    OWNER=postgres
else
    as_owner() { "$@"; }
    OWNER="$(id -un)"
fi

mkdir -p "$SOCKETS"
chown "$OWNER" "$SOCKETS"
if [ ! -f "$DATA/PG_VERSION" ]; then
    as_owner "$BIN/initdb" -D "$DATA" -U "$USER_NAME" --auth=trust -E UTF8 --locale=C >&2
fi
if ! as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    # fsync off: a crashed test server is thrown away, never recovered.
    as_owner "$BIN/pg_ctl" -D "$DATA" -l "$SOCKETS/server.log" -w -t 60 \
        -o "-p $PORT -k $SOCKETS -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >&2
fi
if ! as_owner "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U "$USER_NAME" -d postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'" | grep -q 1; then
    as_owner "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U "$USER_NAME" "$DATABASE" >&2
fi

echo "postgresql://$USER_NAME@127.0.0.1:$PORT/$DATABASE"
