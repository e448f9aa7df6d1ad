#!/usr/bin/env bash
# Adds a migration to both providers' sets: tools/migrations.sh add NAME
# Or rebuilds the initial migration from the model while nothing is deployed: tools/migrations.sh reset
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
proj=src/Leerkluis.Web
case "${1:-}" in
  add)
    name=${2:?name}
    dotnet ef migrations add "$name" --project $proj --context SqliteLeerkluisDb --output-dir Migrations/Sqlite
    dotnet ef migrations add "$name" --project $proj --context PostgresLeerkluisDb --output-dir Migrations/Postgres
    ;;
  reset)
    rm -rf $proj/Migrations $proj/Leerkluis
    "$0" add Initial
    ;;
  *) echo "usage: $0 add NAME | reset" >&2; exit 2 ;;
esac
