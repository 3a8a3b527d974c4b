package io.newsflow.e2e.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The repository's deploy/ files, read as the tools that use them would read them. */
final class DeployFiles {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The services built from this repository, with the port each listens on. */
    static final List<String> SERVICES = List.of("ingest", "enrich", "query");

    private DeployFiles() {
    }

    static Path home() {
        return Path.of(System.getProperty("newsflow.home", "..")).toAbsolutePath().normalize();
    }

    static Path deploy() {
        return home().resolve("deploy");
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode compose() {
        return yaml(deploy().resolve("docker-compose.yml"));
    }

    /** Read with SnakeYAML, which resolves anchors, aliases and {@code <<} merge keys as Compose does. */
    static JsonNode yaml(Path file) {
        Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(read(file));
        return YAML.valueToTree(document);
    }

    /** The first object of that kind in a deploy/k8s manifest, read into fabric8's typed model. */
    static <T> T manifest(String file, Class<T> type) {
        for (JsonNode document : yamlDocuments(deploy().resolve("k8s").resolve(file))) {
            if (document.path("kind").asText().equals(type.getSimpleName())) {
                try {
                    return YAML.treeToValue(document, type);
                } catch (IOException e) {
                    throw new UncheckedIOException("not a " + type.getSimpleName() + ": " + file, e);
                }
            }
        }
        throw new AssertionError(file + " has no " + type.getSimpleName());
    }

    /** Every document of a multi-document YAML file, empty ones left out. */
    static List<JsonNode> yamlDocuments(Path file) {
        List<JsonNode> documents = new ArrayList<>();
        try (var parser = YAML.createParser(file.toFile())) {
            var values = YAML.readValues(parser, JsonNode.class);
            while (values.hasNext()) {
                JsonNode document = values.next();
                if (document != null && !document.isNull() && !(document instanceof MissingNode)) {
                    documents.add(document);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("not valid YAML: " + file, e);
        }
        return documents;
    }
}
