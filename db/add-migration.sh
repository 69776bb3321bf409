#!/usr/bin/env bash
# Adds one migration to all three provider projects at once and regenerates the idempotent scripts.
# Usage: db/add-migration.sh MigrationName
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: db/add-migration.sh MigrationName}
dotnet tool restore >/dev/null
dotnet build db/GrantPortal.Migrations.Sqlite -v q -nologo >/dev/null
for provider in Sqlite SqlServer PostgreSql; do
  project=db/GrantPortal.Migrations.$provider
  dotnet ef migrations add "$name" --project "$project" --startup-project "$project" --output-dir Migrations
done
db/generate-scripts.sh
