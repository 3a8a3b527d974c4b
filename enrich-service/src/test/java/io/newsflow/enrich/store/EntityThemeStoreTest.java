package io.newsflow.enrich.store;

import io.newsflow.enrich.Samples;
import io.newsflow.enrich.TestDatabase;
import io.newsflow.enrich.dedup.Fingerprinter;
import io.newsflow.enrich.entity.EntityType;
import io.newsflow.enrich.entity.LinkedEntity;
import io.newsflow.enrich.entity.NamedEntity;
import io.newsflow.enrich.language.DetectedLanguage;
import io.newsflow.enrich.store.analysis.Analysis;
import io.newsflow.enrich.store.analysis.Annotations;
import io.newsflow.events.ArticleEventCodec;
import io.newsflow.events.ArticleRawV1;
import io.newsflow.events.ContentId;
import io.newsflow.stack.StackTestResource;
import io.newsflow.stack.TestStack;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sample 000 produced to the real broker; its entities, themes and enrichment versions read back from the real database. */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, restrictToAnnotatedClass = false)
class EntityThemeStoreTest {

    @Inject
    ArticleService articles;

    @Inject
    AnnotationWriter annotations;

    @Inject
    Fingerprinter fingerprinter;

    @Test
    void sample000IsStoredWithItsEntitiesThemesAndVersions() throws Exception {
        String body = Samples.bodyOf("000");
        Instant published = Instant.parse("2023-09-14T08:00:00Z");
        ArticleRawV1 event = new ArticleRawV1(1, UUID.randomUUID().toString(), ContentId.of(null, body), Instant.now(), null, body,
                "Hong Kong Ming Pao", "Wang Jiahao", published, null, null,
                new ArticleRawV1.Provenance("file", "000_c57e4281e488cd20.txt", "00", body.length(), Instant.now(), 0));
        String id = ContentId.of(null, body);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestStack.get().kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("articles.raw.v1", id, ArticleEventCodec.toJson(event))).get(30, TimeUnit.SECONDS);
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> TestDatabase.count("SELECT count(*) FROM article_enrichment WHERE article_id = ?", id) == 1);

        Map<String, Integer> mentions = new HashMap<>();
        try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement("""
                SELECT e.id, e.type, e.name, ae.entity_type, ae.event_time, ae.mentions, ae.mention_starts, ae.mention_ends
                FROM article_entity ae JOIN named_entity e ON e.id = ae.entity_id WHERE ae.article_id = ?""")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    mentions.put(rs.getString("type") + ":" + rs.getString("name"), rs.getInt("mentions"));
                    assertEquals(rs.getString("type"), rs.getString("entity_type"));
                    assertEquals(published, rs.getTimestamp("event_time").toInstant());
                    Integer[] starts = (Integer[]) rs.getArray("mention_starts").getArray();
                    Integer[] ends = (Integer[]) rs.getArray("mention_ends").getArray();
                    assertEquals(rs.getInt("mentions"), starts.length);
                    assertEquals(starts.length, ends.length);
                    if (rs.getString("id").equals("person/kim-jong-un")) {
                        assertEquals("Kim Jong -un", body.substring(starts[0], ends[0]));
                    }
                }
            }
        }
        assertEquals(10, mentions.get("PERSON:Vladimir Putin"), mentions.toString());
        assertEquals(7, mentions.get("PERSON:Kim Jong-un"), mentions.toString());
        assertEquals(1, mentions.get("PERSON:John Kirby"), mentions.toString());
        for (String place : new String[] {"Russia", "North Korea", "China", "United States", "South Korea", "Ukraine"}) {
            assertTrue(mentions.containsKey("LOCATION:" + place), place + " in " + mentions);
        }

        Map<String, Double> themes = new HashMap<>();
        try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement(
                "SELECT t.theme, t.score, t.phrase_starts, t.taxonomy_version, x.taxonomy_version AS enriched_with, x.ner_model, x.alias_version "
                        + "FROM article_theme t JOIN article_enrichment x ON x.article_id = t.article_id WHERE t.article_id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    themes.put(rs.getString("theme"), rs.getDouble("score"));
                    assertEquals(rs.getString("enriched_with"), rs.getString("taxonomy_version"));
                    assertTrue(rs.getString("ner_model").contains("english.all.3class"));
                    assertEquals(12, rs.getString("alias_version").length());
                    Array starts = rs.getArray("phrase_starts");
                    assertTrue(((Integer[]) starts.getArray()).length > 0);
                }
            }
        }
        // The sample's main themes as labelled in docs/quality.md ("Themes"); its sanctions are a passing mention.
        assertTrue(themes.keySet().containsAll(java.util.Set.of("MILITARY", "DIPLOMACY", "SPACE")), themes.toString());
        assertFalse(themes.containsKey("GOV_LEADERSHIP"), themes.toString());
        assertTrue(themes.get("MILITARY") >= 2.0);
    }

    @Test
    void aReDroppedArticleKeepsOneSetOfEntities() throws Exception {
        String body = "Dmitry Peskov said the Kremlin would not comment on the talks between Russia and the DPRK.";
        String id = ContentId.of("Peskov on talks", body);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestStack.get().kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < 2; i++) {
                ArticleRawV1 event = new ArticleRawV1(1, UUID.randomUUID().toString(), id, Instant.now(), "Peskov on talks", body,
                        "Test Wire", null, null, null, null, new ArticleRawV1.Provenance("file", "p" + i + ".txt", "00", body.length(), Instant.now(), 0));
                producer.send(new ProducerRecord<>("articles.raw.v1", id, ArticleEventCodec.toJson(event))).get(30, TimeUnit.SECONDS);
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> TestDatabase.count("SELECT count(*) FROM article_receipt WHERE article_id = ?", id) == 2);
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM article_enrichment WHERE article_id = ?", id));
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM article_entity WHERE article_id = ? AND entity_id = 'location/north-korea'", id));
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM article_entity WHERE article_id = ? AND entity_id = 'person/dmitry-peskov'", id));
        try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement(
                "SELECT mention_starts, mention_ends FROM article_entity WHERE article_id = ? AND entity_id = 'location/north-korea'")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                int start = "Peskov on talks\n".length() + body.indexOf("DPRK");
                assertArrayEquals(new Integer[] {start}, (Integer[]) rs.getArray(1).getArray());
                assertArrayEquals(new Integer[] {start + 4}, (Integer[]) rs.getArray(2).getArray());
            }
        }
    }

    @Test
    void entriesThatLinkToOneEntityAreStoredAsOneRowWhenStoredAndWhenReplaced() throws Exception {
        String body = "Lara batted all day. LARA'S RECORD: Lara passed 375 before tea, and Lara was cheered.";
        String id = ContentId.of(null, body);
        NamedEntity lara = new NamedEntity("person/lara", EntityType.PERSON, "Lara");
        NamedEntity shouted = new NamedEntity("person/lara", EntityType.PERSON, "LARA");
        ArticleRawV1 event = new ArticleRawV1(1, UUID.randomUUID().toString(), id, Instant.now(), null, body,
                "Test Wire", null, null, null, null, null);
        Annotations found = new Annotations(List.of(
                new LinkedEntity(lara, List.of(new int[] {0, 4}, new int[] {body.indexOf("Lara passed"), body.indexOf("Lara passed") + 4})),
                new LinkedEntity(shouted, List.of(new int[] {21, 25}))), List.of(), "test-model", "test-aliases", "test-taxonomy");

        assertEquals(StoreOutcome.STORED, articles.store(new ToStore(event, id, new Analysis(body, new DetectedLanguage("en", 1.0), fingerprinter.of(body), found))));
        assertLaraRow(id, 0, 21, body.indexOf("Lara passed"));

        int last = body.indexOf("Lara was");
        Annotations again = new Annotations(List.of(
                new LinkedEntity(shouted, List.of(new int[] {21, 25})),
                new LinkedEntity(lara, List.of(new int[] {last, last + 4}, new int[] {0, 4}))), List.of(), "test-model-2", "test-aliases", "test-taxonomy");
        assertTrue(QuarkusTransaction.requiringNew().call(() -> annotations.replace(id, Instant.now(), again, Instant.now())));
        assertLaraRow(id, 0, 21, last);
    }

    /** The first article to name an entity may have it in a headline's capitals: a later, ordinary spelling names it from then on. */
    @Test
    void anEntityFirstStoredInCapitalsIsRenamedByTheFirstSpellingWithLowerCaseLetters() throws Exception {
        String entity = "organization/" + UUID.randomUUID().toString().substring(0, 8) + "-county";
        String shouted = entity.substring(entity.indexOf('/') + 1).toUpperCase(java.util.Locale.ROOT).replace('-', ' ');
        String written = shouted.charAt(0) + shouted.substring(1).toLowerCase(java.util.Locale.ROOT);

        storeNaming(entity, shouted);
        assertEquals(shouted, entityName(entity));
        storeNaming(entity, written);
        assertEquals(written, entityName(entity));
        storeNaming(entity, shouted);
        assertEquals(written, entityName(entity), "a spelling in capitals never replaces one with lower-case letters");
    }

    private void storeNaming(String entityId, String name) {
        String body = name + " won by an innings. " + UUID.randomUUID();
        String id = ContentId.of(null, body);
        ArticleRawV1 event = new ArticleRawV1(1, UUID.randomUUID().toString(), id, Instant.now(), null, body,
                "Test Wire", null, null, null, null, null);
        Annotations found = new Annotations(List.of(new LinkedEntity(new NamedEntity(entityId, EntityType.ORGANIZATION, name),
                List.of(new int[] {0, name.length()}))), List.of(), "test-model", "test-aliases", "test-taxonomy");
        assertEquals(StoreOutcome.STORED, articles.store(new ToStore(event, id,
                new Analysis(body, new DetectedLanguage("en", 1.0), fingerprinter.of(body), found))));
    }

    private static String entityName(String entityId) throws Exception {
        try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement("SELECT name FROM named_entity WHERE id = ?")) {
            s.setString(1, entityId);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), entityId);
                return rs.getString(1);
            }
        }
    }

    private static void assertLaraRow(String articleId, int... starts) throws Exception {
        try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement(
                "SELECT mentions, mention_starts FROM article_entity WHERE article_id = ? AND entity_id = 'person/lara'")) {
            s.setString(1, articleId);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(starts.length, rs.getInt(1));
                assertArrayEquals(java.util.Arrays.stream(starts).boxed().toArray(Integer[]::new), (Integer[]) rs.getArray(2).getArray());
                assertTrue(!rs.next(), "one row for the entity");
            }
        }
    }
}
