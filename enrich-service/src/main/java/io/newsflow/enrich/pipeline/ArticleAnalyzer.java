package io.newsflow.enrich.pipeline;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.enrich.dedup.Fingerprint;
import io.newsflow.enrich.dedup.Fingerprinter;
import io.newsflow.enrich.entity.EntityExtractor;
import io.newsflow.enrich.language.DetectedLanguage;
import io.newsflow.enrich.language.LanguageService;
import io.newsflow.enrich.normalize.TextNormalizer;
import io.newsflow.enrich.store.analysis.Analysis;
import io.newsflow.enrich.store.analysis.Annotations;
import io.newsflow.enrich.store.analysis.Versions;
import io.newsflow.enrich.theme.ThemeScorer;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.Supplier;

/**
 * The analysis of one article's text, shared by the consumer and re-enrichment so that an article
 * enriched again ends exactly as if it had arrived today. Touches no database: the models take tens
 * of milliseconds, no connection should wait on them.
 */
@ApplicationScoped
public class ArticleAnalyzer {

    private final LanguageService language;
    private final Fingerprinter fingerprinter;
    private final EntityExtractor entities;
    private final ThemeScorer themes;
    private final MeterRegistry metrics;
    private final Versions versions;

    public ArticleAnalyzer(LanguageService language, Fingerprinter fingerprinter, EntityExtractor entities, ThemeScorer themes,
                           MeterRegistry metrics) {
        this.language = language;
        this.fingerprinter = fingerprinter;
        this.entities = entities;
        this.themes = themes;
        this.metrics = metrics;
        this.versions = new Versions(entities.modelVersion(), entities.aliasVersion(), themes.version(), fingerprinter.version());
    }

    /** The versions every analysis of this replica is made with. */
    public Versions versions() {
        return versions;
    }

    public Analysis analyse(String title, String body) {
        // Analysis reads the cleaned text (boilerplate tails would add entities and themes the article is
        // not about); entity and theme offsets therefore point into title + "\n" + clean_body.
        String cleanBody = stage("normalize", () -> TextNormalizer.clean(body));
        String text = title == null ? cleanBody : title + "\n" + cleanBody;
        DetectedLanguage detected = stage("language", () -> language.detect(text));
        Fingerprint fingerprint = stage("fingerprint", () -> fingerprinter.of(cleanBody));
        Annotations found = stage("annotate", () -> new Annotations(entities.extract(text, detected.code()),
                themes.score(text, detected.code()), versions.nerModel(), versions.aliasVersion(), versions.taxonomyVersion()));
        return new Analysis(cleanBody, detected, fingerprint, found);
    }

    <T> T stage(String name, Supplier<T> work) {
        return metrics.timer(EnrichmentPipeline.STAGE_TIMER, "stage", name).record(work);
    }
}
