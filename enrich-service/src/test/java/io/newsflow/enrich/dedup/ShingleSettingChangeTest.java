package io.newsflow.enrich.dedup;

import io.newsflow.enrich.TestDatabase;
import io.newsflow.enrich.normalize.TextNormalizer;
import io.newsflow.enrich.pipeline.ArticleAnalyzer;
import io.newsflow.enrich.pipeline.EnrichmentPipeline;
import io.newsflow.enrich.reenrich.ReenrichScope;
import io.newsflow.enrich.reenrich.ReenrichService;
import io.newsflow.events.ArticleRawV1;
import io.newsflow.stack.StackTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.newsflow.enrich.RawTopicProducer.event;
import static io.newsflow.enrich.TestDatabase.count;
import static io.newsflow.enrich.TestDatabase.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An operator changes {@code NEWSFLOW_DEDUP_SHINGLE_WORDS}: fingerprints made before (with the default
 * shingles, version 1) share no band keys with new ones. They are stale, a near-duplicate arriving
 * meanwhile does not find them, and once re-enrichment made them again, near-duplicates are found.
 */
@QuarkusTest
@TestProfile(ShingleSettingChangeTest.FourWordShingles.class)
@QuarkusTestResource(value = StackTestResource.class, restrictToAnnotatedClass = false)
class ShingleSettingChangeTest {

    public static class FourWordShingles implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newsflow.dedup.shingle-words", "4");
        }
    }

    @Inject
    EnrichmentPipeline pipeline;

    @Inject
    ArticleAnalyzer analyzer;

    @Inject
    Fingerprinter fingerprinter;

    @Inject
    NearDuplicateDetector nearDuplicates;

    @Inject
    ReenrichService reenrich;

    @Test
    void aChangedShingleSettingMakesFingerprintsStaleUntilReenrichmentMakesThemAgain() throws Exception {
        assertEquals(10_404, analyzer.versions().fingerprintVersion(), "4 words, 4 characters");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String story = story(tag);
        ArticleRawV1 original = event("The summit at the cosmodrome " + tag, story);
        pipeline.process(original);
        // As if stored before the change: made with the default shingles, recorded as version 1.
        execute("UPDATE article_fingerprint SET fingerprint_version = " + Fingerprinter.ALGORITHM + " WHERE article_id = '" + original.articleId() + "'");

        ArticleRawV1 meanwhile = event("Summit at the cosmodrome, updated " + tag, story.replace("Wednesday", "Tuesday"));
        pipeline.process(meanwhile);
        assertEquals(0, count("SELECT count(*) FROM near_duplicate WHERE article_id = ?", meanwhile.articleId()),
                "a fingerprint of another making is not a candidate");

        long seq = Long.parseLong(TestDatabase.row("SELECT seq FROM article WHERE id = ?", original.articleId()).get(0));
        List<ReenrichService.Candidate> stale = reenrich.page(ReenrichScope.STALE, seq - 1, 1);
        assertEquals(original.articleId(), stale.get(0).id(), "the old fingerprint makes its article stale");

        boolean rewritten = QuarkusTransaction.requiringNew().call(() ->
                nearDuplicates.reindex(original.articleId(), fingerprinter.of(TextNormalizer.clean(story))));
        assertTrue(rewritten);
        assertEquals(10_404, count("SELECT fingerprint_version FROM article_fingerprint WHERE article_id = ?", original.articleId()));
        assertTrue(reenrich.page(ReenrichScope.STALE, seq - 1, 1).stream().noneMatch(c -> c.id().equals(original.articleId())),
                "re-enriched, no longer stale");

        ArticleRawV1 later = event("Summit at the cosmodrome, final " + tag, story.replace("Wednesday", "Thursday"));
        pipeline.process(later);
        assertEquals(1, count("SELECT count(*) FROM near_duplicate WHERE article_id = ? AND other_id = ?", later.articleId(), original.articleId()));
    }

    /** Thirty sentences no other test's article shares: every shingle holds the tag. */
    private static String story(String tag) {
        StringBuilder story = new StringBuilder("On Wednesday the two leaders met at the cosmodrome. ");
        for (int i = 0; i < 30; i++) {
            story.append("Delegation ").append(tag).append(i).append(" discussed item ").append(i * 37 % 101).append(" of the agenda ")
                    .append(tag).append(". ");
        }
        return story.toString().strip();
    }
}
