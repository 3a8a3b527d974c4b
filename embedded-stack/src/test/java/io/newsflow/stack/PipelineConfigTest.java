package io.newsflow.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The local pipeline's settings as {@code ./newsflow run} reads them from its environment. */
class PipelineConfigTest {

    private static final Path HOME = Path.of("/opt/newsflow");

    @Test
    void defaultsAreTheLocalOnesWithSixPartitionsAsInCompose() {
        PipelineConfig config = PipelineConfig.fromEnvironment(Map.of(), HOME);
        assertEquals(HOME.resolve("data"), config.dataDir());
        assertEquals(8082, config.enrichPort());
        assertEquals(6, config.partitions());
        assertEquals("articles.raw.v1", config.rawTopic());
        assertEquals("articles.raw.v1.dlq", config.deadLetterTopic());
    }

    @Test
    void enrichGetsTheHeapTargetUnlessCoreNlpsChineseModelsMustFit() {
        assertEquals("768m", PipelineConfig.fromEnvironment(Map.of(), HOME).enrichHeap());
        assertEquals("768m", PipelineConfig.fromEnvironment(Map.of("NEWSFLOW_ENTITY_CHINESE_MODEL", "hanlp"), HOME).enrichHeap());
        assertEquals("768m", PipelineConfig.fromEnvironment(Map.of("NEWSFLOW_ENTITY_CHINESE_MODEL", "CoreNLP"), HOME).enrichHeap(),
                "a value enrich refuses at start gets nothing more");
        assertTrue(ServiceSpec.all(PipelineConfig.fromEnvironment(Map.of("NEWSFLOW_ENTITY_CHINESE_MODEL", "corenlp"), HOME)).stream()
                .anyMatch(spec -> spec.name().equals(ServiceSpec.ENRICH) && spec.jvmOptions().equals(List.of("-Xmx2g"))));
    }

    @Test
    void partitionsAndTopicNamesComeFromTheirVariables() {
        PipelineConfig config = PipelineConfig.fromEnvironment(Map.of("NEWSFLOW_PARTITIONS", " 12 ", "NEWSFLOW_TOPIC_RAW", "news.raw",
                "NEWSFLOW_TOPIC_RAW_DLQ", "news.raw.dlq"), HOME);
        assertEquals(12, config.partitions());
        assertEquals("news.raw", config.rawTopic());
        assertEquals("news.raw.dlq", config.deadLetterTopic());
        assertEquals(1, PipelineConfig.fromEnvironment(Map.of("NEWSFLOW_PARTITIONS", "1"), HOME).partitions());
        assertEquals(6, PipelineConfig.fromEnvironment(Map.of("NEWSFLOW_PARTITIONS", ""), HOME).partitions(), "blank is unset");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3", "six", "2.5", "99999999999"})
    void partitionsThatAreNotAPositiveWholeNumberStopStartUpNamingVariableValueAndWhatIsAllowed(String value) {
        StackException e = assertThrows(StackException.class,
                () -> PipelineConfig.fromEnvironment(Map.of("NEWSFLOW_PARTITIONS", value), HOME));
        assertEquals("NEWSFLOW_PARTITIONS must be a whole number of partitions, 1 or more, not '" + value + "'", e.getMessage());
    }

    @Test
    void portsAreStillCheckedAsBefore() {
        StackException e = assertThrows(StackException.class,
                () -> PipelineConfig.fromEnvironment(Map.of("NEWSFLOW_KAFKA_PORT", "70000"), HOME));
        assertEquals("NEWSFLOW_KAFKA_PORT must be a port number between 1 and 65535, not '70000'", e.getMessage());
    }
}
