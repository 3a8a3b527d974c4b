package io.newsflow.ingest.parse;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Plain text and Markdown: optional header lines ({@code Source:}, {@code Author:},
 * {@code Release time:}/{@code Published:}/{@code Date:}, {@code Title:}, {@code URL:},
 * {@code Language:}, or their names in the article's language: {@link #NAMES}), then the body. A
 * single line right above the headers is the title, as in news exports that put the headline first.
 */
@ApplicationScoped
public class TextArticleParser {

    /** Header names by field, in English first, then ru, uk, zh, ja, ko, de, fr, es, pt, it and ar. */
    static final Map<String, List<String>> NAMES = Map.of(
            "title", List.of("title", "headline",
                    "заголовок", "название", "назва", "标题", "標題", "题目", "タイトル", "見出し", "表題", "제목",
                    "titel", "überschrift", "schlagzeile", "titre", "título", "titular", "manchete", "titolo", "العنوان", "عنوان"),
            "source", List.of("source",
                    "источник", "джерело", "来源", "來源", "出处", "出處", "出典", "ソース", "情報源", "配信元", "출처",
                    "quelle", "fuente", "fonte", "المصدر", "مصدر"),
            "author", List.of("author", "by",
                    "автор", "作者", "记者", "記者", "著者", "筆者", "저자", "기자", "작성자",
                    "autor", "verfasser", "auteur", "autore", "الكاتب", "الكاتبة", "المؤلف", "بقلم"),
            "published", List.of("release time", "released", "published", "publish time", "date",
                    "дата", "опубликовано", "дата публикации", "время публикации", "опубліковано", "дата публікації",
                    "发布时间", "發布時間", "發佈時間", "发表时间", "發表時間", "日期", "时间", "時間", "日付", "公開日", "公開日時",
                    "配信日", "配信日時", "掲載日", "날짜", "작성일", "게시일", "발행일", "입력",
                    "datum", "veröffentlicht", "veröffentlichungsdatum", "erschienen", "publié", "publié le", "date de publication",
                    "fecha", "publicado", "fecha de publicación", "data", "publicado em", "data de publicação",
                    "pubblicato", "data di pubblicazione", "التاريخ", "تاريخ النشر", "نشر في", "تاريخ"),
            "url", List.of("url", "link", "ссылка", "посилання", "链接", "鏈接", "网址", "網址", "リンク", "링크", "enlace", "lien", "الرابط"),
            "language", List.of("language", "lang", "язык", "мова", "语言", "語言", "言語", "언어", "sprache", "langue", "idioma",
                    "lingua", "اللغة"));

    private static final Map<String, String> FIELD_BY_NAME = NAMES.entrySet().stream()
            .flatMap(e -> e.getValue().stream().map(name -> Map.entry(name, e.getKey())))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    /** Longest names first, so that "date de publication" is not read as "date" followed by text. */
    private static final Pattern HEADER = Pattern.compile(
            "^\\s*(" + FIELD_BY_NAME.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed()).map(Pattern::quote)
                    .collect(Collectors.joining("|")) + ")\\s*[:：]\\s*(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final int MAX_TITLE_LENGTH = 300;

    private final PublishedDates dates;

    public TextArticleParser(PublishedDates dates) {
        this.dates = dates;
    }

    public ParsedArticle parse(String text) throws ParseException {
        List<String> lines = text.lines().toList();
        int i = skipBlank(lines, 0);
        String leadingTitle = null;
        // A headline line followed (after blank lines) by a header line is the title.
        if (i < lines.size() && !isHeader(lines.get(i))) {
            int next = skipBlank(lines, i + 1);
            if (next < lines.size() && isHeader(lines.get(next)) && lines.get(i).strip().length() <= MAX_TITLE_LENGTH) {
                leadingTitle = lines.get(i).strip();
                i = next;
            }
        }
        Map<String, String> headers = new HashMap<>();
        while (i < lines.size()) {
            Matcher m = HEADER.matcher(lines.get(i));
            if (!m.matches()) {
                break;
            }
            headers.putIfAbsent(canonical(m.group(1)), m.group(2).strip());
            i = skipBlank(lines, i + 1);
        }
        String body = String.join("\n", lines.subList(i, lines.size())).strip();
        if (body.isEmpty()) {
            throw new ParseException("no-article", "the file has headers but no article text");
        }
        String title = blankToNull(headers.getOrDefault("title", leadingTitle));
        Instant published = dates.parse(headers.get("published")).orElse(null);
        return new ParsedArticle(title, body, blankToNull(headers.get("source")), blankToNull(headers.get("author")),
                published, blankToNull(headers.get("url")), blankToNull(headers.get("language")));
    }

    private static String canonical(String name) {
        return FIELD_BY_NAME.get(name.toLowerCase(Locale.ROOT));
    }

    private static boolean isHeader(String line) {
        return HEADER.matcher(line).matches();
    }

    private static int skipBlank(List<String> lines, int from) {
        int i = from;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        return i;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
