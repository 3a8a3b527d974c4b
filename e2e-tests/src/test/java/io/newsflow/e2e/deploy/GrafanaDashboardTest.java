package io.newsflow.e2e.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The provisioned Grafana dashboards, checked without a Grafana: every query goes to a provisioned
 * datasource, every Infinity query asks query-service for a path and parameters it serves (read
 * from its resource classes, so a renamed endpoint or parameter fails here instead of as an empty
 * panel) and follows the dashboard's time range.
 */
class GrafanaDashboardTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INFINITY = "yesoreyeram-infinity-datasource";
    private static final Path GRAFANA = DeployFiles.deploy().resolve("grafana");
    private static final Path RESOURCES = DeployFiles.home().resolve("query-service/src/main/java/io/newsflow/query");

    private static final Pattern PATH = Pattern.compile("@Path\\(\"([^\"]*)\"\\)");
    private static final Pattern QUERY_PARAM = Pattern.compile("@QueryParam\\(\"([^\"]+)\"\\)");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:[a-z]+)?}");
    private static final Set<String> GRAFANA_VARIABLES = Set.of("__from", "__to");

    private final Map<Path, JsonNode> dashboards = dashboards();

    @Test
    void everyDashboardIsValidJsonWithItsOwnUidTitleAndRefresh() {
        assertTrue(dashboards.size() >= 2, "the news and the pipeline dashboards: " + dashboards.keySet());
        Set<String> uids = new HashSet<>();
        dashboards.forEach((file, dashboard) -> {
            assertTrue(uids.add(dashboard.path("uid").asText()), file + " reuses uid " + dashboard.path("uid"));
            assertFalse(dashboard.path("uid").asText().isBlank(), file + " has no uid: links and provisioning key on it");
            assertFalse(dashboard.path("title").asText().isBlank(), file + " has no title");
            assertTrue(dashboard.path("refresh").asText().matches("\\d+[smh]"), file + " does not refresh by itself");
            assertTrue(dashboard.path("panels").size() > 0, file + " has no panels");
        });
    }

    @Test
    void panelsHaveTitlesUniqueIdsAndFitTheGrid() {
        dashboards.forEach((file, dashboard) -> {
            Set<Integer> ids = new HashSet<>();
            for (JsonNode panel : dashboard.path("panels")) {
                String title = panel.path("title").asText();
                assertFalse(title.isBlank(), file + ": panel " + panel.path("id") + " has no title");
                assertTrue(panel.path("id").isInt() && ids.add(panel.path("id").asInt()), file + ": " + title + " id is missing or reused");
                JsonNode grid = panel.path("gridPos");
                assertTrue(grid.path("w").asInt() > 0 && grid.path("h").asInt() > 0, file + ": " + title + " has no size");
                assertTrue(grid.path("x").asInt() + grid.path("w").asInt() <= 24, file + ": " + title + " is wider than the grid");
                assertTrue(panel.path("targets").size() > 0, file + ": " + title + " queries nothing");
            }
        });
    }

    @Test
    void everyQueryUsesAProvisionedDatasource() {
        Map<String, String> provisioned = new TreeMap<>();
        DeployFiles.yaml(GRAFANA.resolve("provisioning/datasources/newsflow.yaml")).path("datasources")
                .forEach(ds -> provisioned.put(ds.path("uid").asText(), ds.path("type").asText()));
        dashboards.forEach((file, dashboard) -> eachDatasource(dashboard, ds -> {
            String uid = ds.path("uid").asText();
            assertTrue(provisioned.containsKey(uid), file + " uses datasource " + uid + "; provisioned are " + provisioned.keySet());
            assertEquals(provisioned.get(uid), ds.path("type").asText(), file + ": type of datasource " + uid);
        }));
    }

    @Test
    void infinityQueriesAskForPathsAndParametersQueryServiceServes() {
        Map<String, Set<String>> endpoints = endpoints();
        List<String> checked = new ArrayList<>();
        eachInfinityQuery((where, query) -> {
            String url = query.path("url").asText();
            assertEquals("json", query.path("type").asText(), where);
            assertEquals("url", query.path("source").asText(), where);
            assertEquals("backend", query.path("parser").asText(), where + ": the backend parser reads root selectors as JSONata");
            assertEquals("GET", query.path("url_options").path("method").asText(), where);
            assertFalse(url.contains("?"), where + ": parameters belong in url_options.params, where Grafana encodes them: " + url);
            Set<String> accepted = endpoints.entrySet().stream()
                    .filter(e -> url.matches(e.getKey()))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElseGet(() -> fail(where + " asks for " + url + ", which query-service does not serve: " + endpoints.keySet()));
            Set<String> names = new HashSet<>();
            for (JsonNode param : query.path("url_options").path("params")) {
                String name = param.path("key").asText();
                assertTrue(accepted.contains(name), where + ": " + url + " accepts " + accepted + ", not " + name);
                assertTrue(names.add(name), where + ": " + name + " given twice is a 400");
            }
            assertTrue(query.path("columns").size() > 0, where + " names no columns");
            for (JsonNode column : query.path("columns")) {
                assertFalse(column.path("selector").asText().isBlank(), where + ": a column without selector");
                assertTrue(Set.of("string", "number", "timestamp").contains(column.path("type").asText()), where + ": column type " + column);
            }
            checked.add(url);
        });
        assertTrue(checked.containsAll(List.of("/api/v1/stats", "/api/v1/timeline", "/api/v1/entities/top", "/api/v1/themes/top",
                "/api/v1/sources/top", "/api/v1/languages", "/api/v1/articles", "/api/v1/duplicates")), "panels cover the API: " + checked);
    }

    @Test
    void infinityQueriesFollowTheDashboardTimeRange() {
        Map<String, Set<String>> endpoints = endpoints();
        eachInfinityQuery((where, query) -> {
            String url = query.path("url").asText();
            boolean takesTime = endpoints.entrySet().stream()
                    .anyMatch(e -> url.matches(e.getKey()) && e.getValue().contains("from"));
            if (takesTime) {
                Map<String, String> params = params(query);
                assertEquals("${__from}", params.get("from"), where + ": from must be the dashboard's time range");
                assertEquals("${__to}", params.get("to"), where + ": to must be the dashboard's time range");
            }
        });
    }

    @Test
    void everyVariableAQueryUsesIsDefined() {
        dashboards.forEach((file, dashboard) -> {
            Set<String> defined = new TreeSet<>(GRAFANA_VARIABLES);
            dashboard.path("templating").path("list").forEach(v -> defined.add(v.path("name").asText()));
            for (JsonNode panel : dashboard.path("panels")) {
                Matcher used = VARIABLE.matcher(panel.path("targets").toString());
                while (used.find()) {
                    assertTrue(defined.contains(used.group(1)), file + ": " + panel.path("title").asText()
                            + " uses ${" + used.group(1) + "}, defined are " + defined);
                }
            }
        });
    }

    @Test
    void grafanaLoadsTheDashboardsFromTheFolderComposeMounts() {
        String provider = DeployFiles.yaml(GRAFANA.resolve("provisioning/dashboards/newsflow.yaml"))
                .path("providers").get(0).path("options").path("path").asText();
        String volumes = DeployFiles.compose().path("services").path("grafana").path("volumes").toString();
        assertTrue(volumes.contains("./grafana/dashboards:" + provider), provider + " is not where compose mounts the dashboards: " + volumes);
    }

    @Test
    void theInfinityDatasourceSendsTheHeaderQueryServiceChecks() {
        JsonNode infinity = null;
        for (JsonNode ds : DeployFiles.yaml(GRAFANA.resolve("provisioning/datasources/newsflow.yaml")).path("datasources")) {
            if (INFINITY.equals(ds.path("type").asText())) {
                infinity = ds;
            }
        }
        assertNotNull(infinity, "no Infinity datasource is provisioned");
        String filter = DeployFiles.read(DeployFiles.home().resolve("web-support/src/main/java/io/newsflow/web/ApiKeys.java"));
        Matcher header = Pattern.compile("HEADER = \"([^\"]+)\"").matcher(filter);
        assertTrue(header.find(), "ApiKeys.HEADER not found");
        assertEquals(header.group(1), infinity.path("jsonData").path("httpHeaderName1").asText());
        assertEquals("${NEWSFLOW_QUERY_API_KEY}", infinity.path("secureJsonData").path("httpHeaderValue1").asText());
    }

    @Test
    void theReadmeDocumentsEveryEndpointThePanelsUse() {
        String readme = DeployFiles.read(DeployFiles.home().resolve("README.md"));
        eachInfinityQuery((where, query) -> {
            String path = query.path("url").asText().replaceFirst("^/api/v1", "");
            assertTrue(readme.contains("`" + path + "`"), where + ": README's Query API table lacks " + path);
        });
    }

    /** Each GET endpoint of query-service as a regex over its path, with the query parameters it declares. */
    static Map<String, Set<String>> endpoints() {
        Set<String> filterParameters = new TreeSet<>();
        QUERY_PARAM.matcher(DeployFiles.read(RESOURCES.resolve("filter/FilterParameters.java")))
                .results().forEach(m -> filterParameters.add(m.group(1)));
        Map<String, Set<String>> endpoints = new LinkedHashMap<>();
        for (Path resource : resources()) {
            String source = DeployFiles.read(resource);
            String[] parts = source.split("@GET\\b");
            Matcher root = PATH.matcher(parts[0]);
            assertTrue(root.find(), resource + " has no class-level @Path");
            for (int i = 1; i < parts.length; i++) {
                // The method's own @Path, if any, comes before its body; its parameters are in its signature.
                String method = parts[i].substring(0, parts[i].indexOf(") {") + 1);
                Matcher sub = PATH.matcher(method);
                String path = root.group(1) + (sub.find() ? sub.group(1) : "");
                Set<String> params = new TreeSet<>();
                QUERY_PARAM.matcher(method).results().forEach(m -> params.add(m.group(1)));
                if (method.contains("@BeanParam FilterParameters")) {
                    params.addAll(filterParameters);
                }
                endpoints.put(Pattern.quote(path).replaceAll("\\{[^}]+}", "\\\\E[^/]+(/[^/]+)*\\\\Q"), params);
            }
        }
        assertTrue(endpoints.size() >= 9, "query-service's endpoints were not found: " + endpoints);
        return endpoints;
    }

    private static List<Path> resources() {
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            return files.filter(f -> f.getFileName().toString().endsWith("Resource.java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void eachInfinityQuery(BiConsumer<String, JsonNode> check) {
        dashboards.forEach((file, dashboard) -> {
            for (JsonNode panel : dashboard.path("panels")) {
                for (JsonNode target : panel.path("targets")) {
                    if (INFINITY.equals(target.path("datasource").path("type").asText())) {
                        check.accept(file.getFileName() + ": " + panel.path("title").asText(), target);
                    }
                }
            }
        });
    }

    private static Map<String, String> params(JsonNode query) {
        Map<String, String> params = new TreeMap<>();
        query.path("url_options").path("params").forEach(p -> params.put(p.path("key").asText(), p.path("value").asText()));
        return params;
    }

    /** Every datasource reference: panels, their targets and template variables. */
    private static void eachDatasource(JsonNode node, Consumer<JsonNode> check) {
        if (node.isObject()) {
            JsonNode ds = node.get("datasource");
            if (ds != null) {
                assertTrue(ds.isObject(), "datasource by name, not by uid and type: " + ds);
                check.accept(ds);
            }
        }
        node.forEach(child -> eachDatasource(child, check));
    }

    private static Map<Path, JsonNode> dashboards() {
        Map<Path, JsonNode> dashboards = new TreeMap<>();
        try (Stream<Path> files = Files.list(GRAFANA.resolve("dashboards"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                dashboards.put(file.getFileName(), JSON.readTree(file.toFile()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a dashboard is not valid JSON", e);
        }
        return dashboards;
    }
}
