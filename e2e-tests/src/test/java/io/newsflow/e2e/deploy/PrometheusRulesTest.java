package io.newsflow.e2e.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** deploy/prometheus/: the alert rules wired into Prometheus' configuration and compose, on metrics the services export. */
class PrometheusRulesTest {

    private static final Pattern METRIC = Pattern.compile("\\b((?:newsflow|kafka)_[a-z_]+)\\b");

    @Test
    void theConfigurationLoadsTheRuleFilesComposeMounts() {
        JsonNode config = DeployFiles.yaml(DeployFiles.deploy().resolve("prometheus/prometheus.yml"));
        List<String> mounts = new ArrayList<>();
        DeployFiles.compose().path("services").path("prometheus").path("volumes").forEach(v -> mounts.add(v.asText()));
        assertFalse(config.path("rule_files").isEmpty(), "prometheus.yml names no rule file");
        for (JsonNode file : config.path("rule_files")) {
            assertTrue(Files.isRegularFile(DeployFiles.deploy().resolve("prometheus").resolve(file.asText())), file.asText());
            assertTrue(mounts.contains("./prometheus/" + file.asText() + ":/etc/prometheus/" + file.asText() + ":ro"),
                    file.asText() + " is not mounted beside prometheus.yml: " + mounts);
        }
    }

    @Test
    void everyAlertHasAnExpressionASeverityAndASummary() {
        Set<String> names = new HashSet<>();
        for (JsonNode rule : rules()) {
            String name = rule.path("alert").asText();
            assertFalse(name.isBlank(), "a rule without an alert name: " + rule);
            assertTrue(names.add(name), "two alerts named " + name);
            assertFalse(rule.path("expr").asText().isBlank(), name);
            assertTrue(Set.of("warning", "critical").contains(rule.path("labels").path("severity").asText()), name);
            assertFalse(rule.path("annotations").path("summary").asText().isBlank(), name);
            if (rule.has("for")) {
                assertTrue(rule.path("for").asText().matches("\\d+[smh]"), name + ": for " + rule.path("for"));
            }
        }
    }

    @Test
    void theRulesWatchTheBacklogTheLagAndTheDeadLetters() {
        String expressions = String.join("\n", rules().stream().map(r -> r.path("expr").asText()).toList());
        for (String metric : List.of("newsflow_pipeline_articles_waiting", "kafka_consumer_fetch_manager_records_lag_max",
                "newsflow_ingest_inbox_backlog", "newsflow_enrich_dead_letters_total", "newsflow_enrich_transient_waits_total")) {
            assertTrue(expressions.contains(metric), "no alert on " + metric);
        }
    }

    /** A renamed metric would leave its alert silent for ever: every one an alert reads is in the operations guide's table. */
    @Test
    void everyMetricAnAlertReadsIsOneTheServicesExport() {
        String operations = DeployFiles.read(DeployFiles.home().resolve("docs/operations.md"));
        for (JsonNode rule : rules()) {
            Matcher metrics = METRIC.matcher(rule.path("expr").asText());
            while (metrics.find()) {
                assertTrue(operations.contains("`" + metrics.group(1) + "`"),
                        rule.path("alert").asText() + " reads " + metrics.group(1) + ", which docs/operations.md does not list");
            }
        }
    }

    private static List<JsonNode> rules() {
        List<JsonNode> rules = new ArrayList<>();
        DeployFiles.yaml(DeployFiles.deploy().resolve("prometheus/alerts.yml")).path("groups")
                .forEach(group -> group.path("rules").forEach(rules::add));
        assertFalse(rules.isEmpty());
        return rules;
    }
}
