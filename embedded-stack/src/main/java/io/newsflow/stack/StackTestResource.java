package io.newsflow.stack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.flywaydb.core.Flyway;

import java.util.HashMap;
import java.util.Map;

/**
 * Points a Quarkus test at the JVM's {@link TestStack}. Arguments:
 * {@code role} = {@code owner} (default), {@code reader} (the read-only role query-service uses) or
 * {@code none} (a service without a database: no datasource settings);
 * {@code migrations} = a Flyway location to apply first, for services that read a schema they do not own.
 */
public class StackTestResource implements QuarkusTestResourceLifecycleManager {

    private String role = "owner";
    private String migrations;

    @Override
    public void init(Map<String, String> args) {
        role = args.getOrDefault("role", role);
        migrations = args.get("migrations");
    }

    @Override
    public Map<String, String> start() {
        TestStack stack = TestStack.get();
        DatabaseAccess access = stack.access();
        if (migrations != null) {
            Flyway.configure()
                    .dataSource(stack.jdbcUrl(), access.ownerUser(), access.ownerPassword())
                    .locations(migrations)
                    .load()
                    .migrate();
        }
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", stack.kafkaBootstrapServers());
        if ("none".equals(role)) {
            return config;
        }
        boolean reader = "reader".equals(role);
        config.put("quarkus.datasource.jdbc.url", stack.jdbcUrl());
        config.put("quarkus.datasource.username", reader ? access.readerUser() : access.ownerUser());
        config.put("quarkus.datasource.password", reader ? access.readerPassword() : access.ownerPassword());
        return config;
    }

    @Override
    public void stop() {
        // The stack outlives each test class: starting it once per JVM keeps the suite fast.
    }
}
