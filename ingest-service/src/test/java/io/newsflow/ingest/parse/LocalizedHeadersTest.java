package io.newsflow.ingest.parse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Headers and dates written in the article's own language, as news sites in those languages export them. */
class LocalizedHeadersTest {

    private final PublishedDates utc = new PublishedDates(ZoneOffset.UTC);
    private final TextArticleParser parser = new TextArticleParser(utc);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ru | Заголовок | Источник | Автор | Дата публикации | 20 июня 2024, 09:15 | Путин прибыл в Пхеньян",
            "uk | Заголовок | Джерело | Автор | Опубліковано | 20 червня 2024 р., 09:15 | Путін прибув до Пхеньяна",
            "zh | 标题 | 来源 | 作者 | 发布时间 | 2024年6月20日 09:15 | 普京抵达平壤",
            "zh-Hant | 標題 | 來源 | 記者 | 發布時間 | 2024年6月20日 09:15 | 普京抵達平壤",
            "ja | タイトル | 配信元 | 記者 | 配信日時 | 2024年6月20日 9時15分 | プーチン大統領が平壌に到着",
            "ko | 제목 | 출처 | 기자 | 입력 | 2024년 6월 20일 오전 9:15 | 푸틴 대통령 평양 도착",
            "de | Titel | Quelle | Autor | Veröffentlicht | Donnerstag, 20. Juni 2024, 09:15 Uhr | Putin in Pjöngjang eingetroffen",
            "fr | Titre | Source | Auteur | Publié le | jeudi 20 juin 2024 à 09h15 | Poutine est arrivé à Pyongyang",
            "es | Título | Fuente | Autor | Fecha de publicación | 20 de junio de 2024, 09:15 | Putin llega a Pyongyang",
            "pt | Título | Fonte | Autor | Publicado em | 20 de junho de 2024 às 09:15 | Putin chega a Pyongyang",
            "it | Titolo | Fonte | Autore | Pubblicato | 20 giugno 2024 alle 09:15 | Putin arriva a Pyongyang",
            "ar | العنوان | المصدر | الكاتب | تاريخ النشر | 20 يونيو 2024، 09:15 | بوتين يصل إلى بيونغ يانغ",
    })
    void headersInTheArticlesLanguageAreRead(String language, String title, String source, String author, String date, String when,
                                             String headline) throws ParseException {
        String text = title + ": " + headline + "\n" + source + ": Wire " + language + "\n" + author + ": N. N.\n" + date + ": " + when
                + "\n\nThe article's first paragraph.\n";

        ParsedArticle article = parser.parse(text);

        assertEquals(headline, article.title());
        assertEquals("Wire " + language, article.source());
        assertEquals("N. N.", article.author());
        assertEquals(Instant.parse("2024-06-20T09:15:00Z"), article.publishedAt(), when);
        assertEquals("The article's first paragraph.", article.body());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "20 июня 2024                      | 2024-06-20T00:00:00Z",
            "20 июня 2024 г.                   | 2024-06-20T00:00:00Z",
            "четверг, 20 июня 2024 г., 18:40   | 2024-06-20T18:40:00Z",
            "20 червня 2024                    | 2024-06-20T00:00:00Z",
            "2024年6月20日 09:15                | 2024-06-20T09:15:00Z",
            "2024年6月20日(木) 午後3時5分         | 2024-06-20T15:05:00Z",
            "2024年06月20日 下午3:05             | 2024-06-20T15:05:00Z",
            "２０２４年６月２０日                 | 2024-06-20T00:00:00Z",
            "2024년 6월 20일                    | 2024-06-20T00:00:00Z",
            "2024년 6월 20일 목요일 오후 3:05     | 2024-06-20T15:05:00Z",
            "2024. 6. 20. 15:05               | 2024-06-20T15:05:00Z",
            "20. Juni 2024                     | 2024-06-20T00:00:00Z",
            "20. Juni 2024, 18:40 Uhr          | 2024-06-20T18:40:00Z",
            "20 juin 2024                      | 2024-06-20T00:00:00Z",
            "le 20 juin 2024 à 18h40           | 2024-06-20T18:40:00Z",
            "20 de junio de 2024               | 2024-06-20T00:00:00Z",
            "20 de junho de 2024               | 2024-06-20T00:00:00Z",
            "20 giugno 2024                    | 2024-06-20T00:00:00Z",
            "20 juni 2024                      | 2024-06-20T00:00:00Z",
            "20 czerwca 2024                   | 2024-06-20T00:00:00Z",
            "20 Haziran 2024 18:40             | 2024-06-20T18:40:00Z",
            "20 يونيو 2024                     | 2024-06-20T00:00:00Z",
            "٢٠ حزيران ٢٠٢٤                    | 2024-06-20T00:00:00Z",
            "20 juin 2024 18:40 UTC+2          | 2024-06-20T16:40:00Z",
            "20 июня 2024 18:40 (GMT+03:00)    | 2024-06-20T15:40:00Z",
    })
    void datesInTheUsualFormsOfEachLanguage(String text, String expected) {
        assertEquals(Instant.parse(expected), utc.parse(text).orElseThrow(() -> new AssertionError("not read: " + text)));
    }

    @Test
    void aLocalDateWithoutZoneIsReadInTheConfiguredZone() {
        PublishedDates moscow = new PublishedDates(ZoneId.of("Europe/Moscow"));
        assertEquals(Instant.parse("2024-06-20T06:15:00Z"), moscow.parse("20 июня 2024, 09:15").orElseThrow());
        assertEquals(Instant.parse("2024-06-20T00:15:00Z"), new PublishedDates(ZoneId.of("Asia/Seoul")).parse("2024년 6월 20일 오전 9:15").orElseThrow());
    }

    @Test
    void impossibleDatesAndUnknownMonthsAreNoDate() {
        assertTrue(utc.parse("31 июня 2024").isEmpty());
        assertTrue(utc.parse("20 Brumaire 2024").isEmpty());
        assertTrue(utc.parse("2024年13月1日").isEmpty());
        assertTrue(utc.parse("20 июня 2024, 25:00").isEmpty());
    }

    @Test
    void jsonFieldsAndHtmlMetaReadTheSameDates() throws ParseException {
        ArticleFileParser files = Parsers.files();
        ParsedArticle json = files.parse("a.json", "{\"title\":\"Путин прибыл\",\"body\":\"Текст.\",\"published\":\"20 июня 2024, 09:15\"}"
                .getBytes(StandardCharsets.UTF_8)).get(0);
        assertEquals(Instant.parse("2024-06-20T09:15:00Z"), json.publishedAt());

        ParsedArticle html = files.parse("a.html", ("<html><head><title>普京抵达平壤</title><meta name=\"pubdate\" content=\"2024年6月20日 09:15\">"
                + "</head><body><article><p>普京周三抵达平壤，开始为期两天的访问。</p></article></body></html>").getBytes(StandardCharsets.UTF_8)).get(0);
        assertEquals(Instant.parse("2024-06-20T09:15:00Z"), html.publishedAt());
    }
}
