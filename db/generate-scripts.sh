#!/usr/bin/env bash
# Writes each provider's idempotent migration script to db/scripts/ for DBA review.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite SqlServer PostgreSql; do
  project=db/GrantPortal.Migrations.$provider
  out=db/scripts/$(echo "$provider" | tr '[:upper:]' '[:lower:]').sql
  if [ "$provider" = Sqlite ]; then
    # SQLite cannot run idempotent scripts (no IF in its SQL); its script is the plain full script.
    dotnet ef migrations script --project "$project" --startup-project "$project" --output "$out"
  else
    dotnet ef migrations script --idempotent --project "$project" --startup-project "$project" --output "$out"
  fi
done
