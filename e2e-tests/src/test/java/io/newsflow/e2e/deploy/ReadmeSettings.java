package io.newsflow.e2e.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings README's Configuration tables document for each service: the one place they are
 * listed. A service has its own table, the "Every service" rows and the Kafka client variables of
 * the "Kafka TLS / SASL" table (that table's PostgreSQL row only shows enrich's and query's own
 * {@code QUARKUS_DATASOURCE_JDBC_URL} with SSL parameters).
 */
final class ReadmeSettings {

    private static final Pattern TABLE_TITLE = Pattern.compile("^\\*\\*(.+?)\\*\\*");
    private static final Pattern NAME = Pattern.compile("`([A-Z][A-Z0-9_]*)`");

    /** Table title to its variables, each with its default (or example) as README writes it. */
    private final Map<String, Map<String, String>> tables = new LinkedHashMap<>();

    ReadmeSettings(String readme) {
        int start = readme.indexOf("\n## Configuration");
        if (start < 0) {
            throw new AssertionError("README has no Configuration section");
        }
        int end = readme.indexOf("\n## ", start + 1);
        Map<String, String> table = null;
        for (String line : readme.substring(start, end < 0 ? readme.length() : end).split("\n")) {
            Matcher title = TABLE_TITLE.matcher(line);
            if (title.find()) {
                table = new LinkedHashMap<>();
                tables.put(title.group(1), table);
            } else if (table != null && line.startsWith("| `")) {
                addRow(table, line.split("\\|"));
            }
        }
    }

    static ReadmeSettings fromRepository() {
        return new ReadmeSettings(DeployFiles.read(DeployFiles.home().resolve("README.md")));
    }

    /** Every variable documented for the service ("ingest", "enrich" or "query"), with its default. */
    Map<String, String> forService(String service) {
        Map<String, String> settings = new LinkedHashMap<>(table("Every service"));
        table("Kafka TLS / SASL").forEach((name, example) -> {
            if (name.startsWith("KAFKA_")) {
                settings.put(name, example);
            }
        });
        settings.putAll(table(service + "-service"));
        return settings;
    }

    Map<String, String> table(String titleStart) {
        return tables.entrySet().stream().filter(e -> e.getKey().startsWith(titleStart)).map(Map.Entry::getValue)
                .findFirst().orElseThrow(() -> new AssertionError("README has no Configuration table \"" + titleStart + "…\""));
    }

    /** A row such as {@code | `A` / `B` | `1` / `2` | …}: one name per variable, the defaults split alike. */
    private static void addRow(Map<String, String> table, String[] cells) {
        List<String> names = NAME.matcher(cells[1]).results().map(m -> m.group(1)).toList();
        String[] defaults = cells[2].replace("`", "").trim().split(" / ");
        for (int i = 0; i < names.size(); i++) {
            table.put(names.get(i), defaults.length == names.size() ? defaults[i].trim() : String.join(" / ", defaults));
        }
    }
}
