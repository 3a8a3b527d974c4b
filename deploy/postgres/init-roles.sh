#!/usr/bin/env bash
# Runs once, when the postgres container initializes an empty data folder
# (/docker-entrypoint-initdb.d). Same model as the embedded stack (PostgresServer):
# the owner role owns the newsflow database and runs enrich-service's Flyway migrations;
# the reader role, for query-service, can only ever SELECT what the owner creates.
# Passwords come from the environment (deploy/.env) and reach SQL as psql variables, never spliced in.
set -euo pipefail

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v owner="${NEWSFLOW_DB_OWNER:?}" -v owner_password="${NEWSFLOW_DB_OWNER_PASSWORD:?}" \
  -v reader="${NEWSFLOW_DB_READER:?}" -v reader_password="${NEWSFLOW_DB_READER_PASSWORD:?}" \
  -v db="$POSTGRES_DB" <<'SQL'
CREATE ROLE :"owner" LOGIN PASSWORD :'owner_password';
CREATE ROLE :"reader" LOGIN PASSWORD :'reader_password';
ALTER DATABASE :"db" OWNER TO :"owner";
ALTER SCHEMA public OWNER TO :"owner";
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"db" TO :"owner", :"reader";
GRANT USAGE ON SCHEMA public TO :"reader";
GRANT SELECT ON ALL TABLES IN SCHEMA public TO :"reader";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public GRANT SELECT ON TABLES TO :"reader";
SQL
