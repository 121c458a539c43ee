#!/usr/bin/env bash
# A PostgreSQL server for the history store's tests (docs/history.md), from Debian's
# `postgresql` package, on 127.0.0.1 only. Run as root.
#   .ci/postgres.sh start   starts it, creates the test database, prints the URL as the last line
#   .ci/postgres.sh stop    stops it
set -euo pipefail

readonly DATABASE=perf_history_test
readonly ROLE=perf

version="$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -n 1)"
[[ -n $version ]] || { echo "postgresql is not installed (apt-get install -y postgresql)" >&2; exit 1; }

case "${1:-}" in
  start)
    if ! pg_lsclusters -h | grep -q "^$version main"; then
      pg_createcluster "$version" main >/dev/null
    fi
    pg_ctlcluster -o "-c listen_addresses=127.0.0.1" "$version" main start >&2 || pg_ctlcluster "$version" main status >&2
    port="$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')"
    su postgres -c "psql -qp $port -c 'DROP DATABASE IF EXISTS $DATABASE' -c 'DROP ROLE IF EXISTS $ROLE' -c \"CREATE ROLE $ROLE LOGIN PASSWORD '$ROLE'\"" >&2
    su postgres -c "createdb -p $port -O $ROLE $DATABASE" >&2
    echo "PostgreSQL $version on 127.0.0.1:$port, database $DATABASE" >&2
    echo "postgres://$ROLE:$ROLE@127.0.0.1:$port/$DATABASE"
    ;;
  stop)
    pg_ctlcluster "$version" main stop
    ;;
  *)
    echo "usage: .ci/postgres.sh start|stop" >&2
    exit 2
    ;;
esac
