package io.newsflow.corpus;

import io.newsflow.events.ContentId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class NewsCorpusTest {

    /** A space before closing punctuation or a clitic: what detokenization must not leave. */
    private static final Pattern TOKENIZED = Pattern.compile(" (?:[,.;:)%]|'s|n't)(?:\\s|$)");
    private static final int COUNT = 1000;

    private static NewsCorpus shared() {
        var corpus = NewsCorpus.fromSharedEvalData();
        assumeTrue(corpus.isPresent(), "../shared/eval-data is absent: the real-news corpus cannot be assembled");
        return corpus.get();
    }

    @Test
    void theSameSeedGivesByteIdenticalArticlesAndAnotherSeedOthers() {
        NewsCorpus corpus = shared();
        List<CorpusArticle> first = corpus.generate(200, 42);
        List<CorpusArticle> again = NewsCorpus.fromSharedEvalData().orElseThrow().generate(200, 42);
        for (int i = 0; i < first.size(); i++) {
            assertEquals(first.get(i).fileName(), again.get(i).fileName());
            assertArrayEquals(first.get(i).bytes(), again.get(i).bytes(), first.get(i).fileName());
        }
        assertNotEquals(first.get(0).body(), corpus.generate(1, 43).get(0).body());
    }

    @Test
    void articlesAreOfNewsSizeEightyPercentEnglishAndEachDistinct() {
        List<CorpusArticle> articles = shared().generate(COUNT, 1);
        assertEquals(COUNT, articles.size());
        int[] sizes = articles.stream().mapToInt(a -> a.bytes().length).toArray();
        assertTrue(Arrays.stream(sizes).allMatch(s -> s >= NewsCorpus.MIN_BYTES && s <= NewsCorpus.MAX_BYTES), Arrays.toString(sizes));
        double mean = Arrays.stream(sizes).average().orElseThrow();
        assertTrue(mean > 4000 && mean < 5000, "mean size " + mean);

        Map<String, Long> languages = articles.stream().collect(Collectors.groupingBy(CorpusArticle::language, Collectors.counting()));
        assertTrue(languages.get("en") > 0.75 * COUNT && languages.get("en") < 0.85 * COUNT, languages.toString());
        assertTrue(languages.keySet().containsAll(List.of("de", "fr", "es", "ru", "zh", "ja", "ar")), languages.toString());

        assertEquals(COUNT, distinct(articles, a -> ContentId.of(a.title(), a.body())), "content ids");
        assertEquals(COUNT, distinct(articles, a -> a.title().toLowerCase()), "titles");
        assertEquals(COUNT, distinct(articles, CorpusArticle::body), "bodies");
        assertEquals(COUNT, distinct(articles, CorpusArticle::fileName), "file names");
    }

    @Test
    void englishIsDetokenizedAndEveryFileHasTheHeadersIngestReads() {
        for (CorpusArticle article : shared().generate(300, 5)) {
            String[] lines = article.text().split("\n", -1);
            assertEquals(article.title(), lines[0]);
            assertFalse(article.body().isBlank());
            if (article.language().equals("en")) {
                assertEquals("Source: " + article.source(), lines[2]);
                assertEquals("Author: " + article.author(), lines[4]);
                assertTrue(lines[6].matches("Release time: [A-Z][a-z]{2} \\d{1,2}, 2024 \\d{2}:\\d{2} [AP]M"), lines[6]);
                assertFalse(TOKENIZED.matcher(article.body()).find(), article.body());
            }
        }
    }

    /** The same moment in each language's own header names and date form, as ingest's localized header test reads them. */
    @Test
    void otherLanguagesWriteTheirHeadersAsTheirNewsDoes() {
        LocalDateTime released = LocalDateTime.of(2024, 6, 20, 9, 15);
        Map<String, String> expected = Map.ofEntries(
                Map.entry("en", "Source: S\n\nAuthor: A\n\nRelease time: Jun 20, 2024 09:15 AM"),
                Map.entry("ru", "Источник: S\n\nАвтор: A\n\nДата публикации: 20 июня 2024, 09:15"),
                Map.entry("uk", "Джерело: S\n\nАвтор: A\n\nОпубліковано: 20 червня 2024 р., 09:15"),
                Map.entry("zh", "来源：S\n\n作者：A\n\n发布时间：2024年6月20日 09:15"),
                Map.entry("ja", "配信元：S\n\n記者：A\n\n配信日時：2024年6月20日 9時15分"),
                Map.entry("ko", "출처 : S\n\n기자 : A\n\n입력 : 2024년 6월 20일 오전 9:15"),
                Map.entry("de", "Quelle: S\n\nAutor: A\n\nVeröffentlicht: 20. Juni 2024, 09:15 Uhr"),
                Map.entry("fr", "Source : S\n\nAuteur : A\n\nPublié le : 20 juin 2024 à 09h15"),
                Map.entry("es", "Fuente: S\n\nAutor: A\n\nFecha de publicación: 20 de junio de 2024, 09:15"),
                Map.entry("pt", "Fonte: S\n\nAutor: A\n\nPublicado em: 20 de junho de 2024 às 09:15"),
                Map.entry("it", "Fonte: S\n\nAutore: A\n\nPubblicato: 20 giugno 2024 alle 09:15"),
                Map.entry("ar", "المصدر: S\n\nالكاتب: A\n\nتاريخ النشر: 20 يونيو 2024، 09:15"),
                Map.entry("tr", "Source: S\n\nAuthor: A\n\nRelease time: Jun 20, 2024 09:15 AM"));
        expected.forEach((language, header) -> {
            CorpusArticle article = new CorpusArticle("a.txt", language, "T", "S", "A", released, "B");
            assertEquals("T\n\n" + header + "\n\nB\n", article.text(), language);
            assertEquals(Instant.parse("2024-06-20T09:15:00Z"), article.publishedAt());
        });
    }

    @Test
    void aSmallCorpusOfOwnSentencesIsAssembledTheSameWayWithoutTheSharedData() {
        List<String> english = List.of("TRADE TALKS RESUME IN GENEVA .", "GENEVA 1996-12-06", "Negotiators from 30 countries met on Friday.",
                "The chairman said progress was slow but real.", "A final text is expected next week.");
        Map<String, List<String>> others = Map.of("de", List.of("Die Gespräche wurden am Freitag in Genf fortgesetzt.",
                "Der Vorsitzende sprach von langsamen, aber echten Fortschritten.", "Ein Abschlusstext wird nächste Woche erwartet."));
        NewsCorpus corpus = new NewsCorpus(List.of(english, english.subList(0, 3)), others);
        List<CorpusArticle> articles = corpus.generate(20, 9);
        List<CorpusArticle> again = new NewsCorpus(List.of(english, english.subList(0, 3)), others).generate(20, 9);
        assertEquals(articles, again);
        assertTrue(articles.stream().allMatch(a -> a.bytes().length >= NewsCorpus.MIN_BYTES && a.bytes().length <= NewsCorpus.MAX_BYTES));
        assertEquals(20, distinct(articles, CorpusArticle::title));
        assertTrue(articles.stream().anyMatch(a -> a.title().startsWith("UPDATE 1-TRADE TALKS RESUME IN GENEVA")));
    }

    private static long distinct(List<CorpusArticle> articles, Function<CorpusArticle, String> key) {
        Set<String> keys = new HashSet<>();
        articles.forEach(a -> keys.add(key.apply(a)));
        return keys.size();
    }

}
