-- Dev mode only (%dev.quarkus.datasource.devservices.init-script-path): query-service's read-only role in
-- enrich's Dev Services database, run before Flyway creates the tables, so SELECT comes by default privileges.
CREATE ROLE newsflow_reader LOGIN PASSWORD 'newsflow-reader-local';
GRANT USAGE ON SCHEMA public TO newsflow_reader;
ALTER DEFAULT PRIVILEGES FOR ROLE newsflow IN SCHEMA public GRANT SELECT ON TABLES TO newsflow_reader;
