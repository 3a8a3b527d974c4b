package io.newsflow.corpus;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * One generated article as ingest reads a plain-text file: the headline, the source, author and release
 * time header lines, then paragraphs separated by blank lines. The header lines are written as news in
 * the article's language writes them ({@code Источник:}, {@code 发布时间：2024年6月20日 09:15},
 * {@code Veröffentlicht: 20. Juni 2024, 09:15 Uhr}), English ones and those of languages ingest has no
 * header names for as {@code Source:}, {@code Author:}, {@code Release time: Jun 20, 2024 05:19 AM}.
 *
 * @param language the language its sentences were taken from (ISO 639-1): what detection should find
 * @param released the release time, UTC, as the header names it
 */
public record CorpusArticle(String fileName, String language, String title, String source, String author, LocalDateTime released,
                            String body) {

    /** Labels and the usual date form of a language's news, as ingest's localized header tests write them. */
    private record Header(String source, String author, String released, String separator, DateTimeFormatter dates) {

        Header(String source, String author, String released, String separator, String datePattern, Locale locale) {
            this(source, author, released, separator, DateTimeFormatter.ofPattern(datePattern, locale));
        }
    }

    private static final Header ENGLISH = new Header("Source", "Author", "Release time", ": ", "MMM d, yyyy hh:mm a", Locale.ENGLISH);
    private static final Map<String, Header> HEADERS = Map.ofEntries(
            Map.entry("ru", new Header("Источник", "Автор", "Дата публикации", ": ", "d MMMM yyyy, HH:mm", Locale.forLanguageTag("ru"))),
            Map.entry("uk", new Header("Джерело", "Автор", "Опубліковано", ": ", "d MMMM yyyy 'р.', HH:mm", Locale.forLanguageTag("uk"))),
            Map.entry("zh", new Header("来源", "作者", "发布时间", "：", "yyyy年M月d日 HH:mm", Locale.CHINESE)),
            Map.entry("ja", new Header("配信元", "記者", "配信日時", "：", "yyyy年M月d日 H時m分", Locale.JAPANESE)),
            Map.entry("ko", new Header("출처", "기자", "입력", " : ", "yyyy년 M월 d일 a h:mm", Locale.KOREAN)),
            Map.entry("de", new Header("Quelle", "Autor", "Veröffentlicht", ": ", "d. MMMM yyyy, HH:mm 'Uhr'", Locale.GERMAN)),
            Map.entry("fr", new Header("Source", "Auteur", "Publié le", " : ", "d MMMM yyyy 'à' HH'h'mm", Locale.FRENCH)),
            Map.entry("es", new Header("Fuente", "Autor", "Fecha de publicación", ": ", "d 'de' MMMM 'de' yyyy, HH:mm", Locale.forLanguageTag("es"))),
            Map.entry("pt", new Header("Fonte", "Autor", "Publicado em", ": ", "d 'de' MMMM 'de' yyyy 'às' HH:mm", Locale.forLanguageTag("pt"))),
            Map.entry("it", new Header("Fonte", "Autore", "Pubblicato", ": ", "d MMMM yyyy 'alle' HH:mm", Locale.ITALIAN)),
            Map.entry("ar", new Header("المصدر", "الكاتب", "تاريخ النشر", ": ", "d MMMM yyyy، HH:mm", Locale.forLanguageTag("ar"))));

    public String text() {
        return header(language, title, source, author, released) + body + "\n";
    }

    public byte[] bytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }

    /** The release time as the header writes it, e.g. {@code 20 июня 2024, 09:15}. */
    public String releaseTime() {
        return header(language).dates().format(released);
    }

    /** The instant ingest should read from the header (its default zone, UTC). */
    public Instant publishedAt() {
        return released.toInstant(ZoneOffset.UTC);
    }

    static String header(String language, String title, String source, String author, LocalDateTime released) {
        Header h = header(language);
        return title + "\n\n" + h.source() + h.separator() + source + "\n\n" + h.author() + h.separator() + author
                + "\n\n" + h.released() + h.separator() + h.dates().format(released) + "\n\n";
    }

    private static Header header(String language) {
        return HEADERS.getOrDefault(language, ENGLISH);
    }
}
