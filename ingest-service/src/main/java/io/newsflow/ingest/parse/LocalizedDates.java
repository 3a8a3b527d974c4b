package io.newsflow.ingest.parse;

import java.text.DateFormatSymbols;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Dates as news sites write them in their own language: day, month name and year in the European
 * languages and Arabic ("20 июня 2024 г., 09:15", "Donnerstag, 20. Juni 2024", "20 de junio de 2024
 * a las 9:15", "٢٠ يونيو ٢٠٢٤"), and year, month and day with the CJK unit characters ("2024年6月20日
 * 09:15", "2024년 6월 20일 오후 3:15", "2024年6月20日(木) 9時15分"). Month and weekday names come from
 * the JDK's CLDR data, so every form it knows (full, abbreviated, genitive, stand-alone) is read.
 */
final class LocalizedDates {

    /** Languages whose month names are read; Croatian and Czech are left out, whose "listopad" is another month than Polish's. */
    private static final List<Locale> LOCALES = List.of(
            Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH, Locale.ITALIAN, Locale.forLanguageTag("es"), Locale.forLanguageTag("pt"), Locale.forLanguageTag("nl"),
            Locale.forLanguageTag("ru"), Locale.forLanguageTag("uk"), Locale.forLanguageTag("pl"), Locale.forLanguageTag("tr"), Locale.forLanguageTag("sv"),
            Locale.forLanguageTag("ar"), Locale.forLanguageTag("ar-SY"), Locale.forLanguageTag("ar-DZ"));

    private static final Map<String, Integer> MONTHS = monthNames();
    private static final Set<String> WEEKDAYS = weekdayNames();
    private static final Set<String> AFTERNOON = Set.of("오후", "下午", "午後", "pm");

    private static final String TIME = "(?:[,،]?\\s*(?:à|um|в|о|alle|às|a las|a la|at|om|kl\\.?)?\\s*"
            + "(?<hour>\\d{1,2})\\s*[:hH.]\\s*(?<minute>\\d{2})(?:\\s*:\\s*(?<second>\\d{2}))?(?:\\s*(?:uhr|h|ч\\.?))?)?";
    private static final String ZONE = "(?:\\s*\\(?(?:utc|gmt)\\s*(?:(?<sign>[+-])(?<zoneHours>\\d{1,2})(?::?(?<zoneMinutes>\\d{2}))?)?\\)?)?";

    /** "20 июня 2024 г.", "20. Juni 2024", "20 de junio de 2024", "le 20 juin 2024". */
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "(?:le\\s+|el\\s+|il\\s+)?(?<day>\\d{1,2})\\.?\\s*(?:de\\s+)?(?<month>\\p{L}+)\\.?,?\\s*(?:de\\s+|del\\s+)?(?<year>\\d{4})"
                    + "(?:\\s*(?:г\\.?|года|р\\.?|року))?" + TIME + ZONE,
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** "2024年6月20日 09:15", "2024년 6월 20일 오후 3:15", "2024年6月20日(木) 9時15分", Korean "2024. 6. 20. 15:05". */
    private static final Pattern CJK = Pattern.compile(
            "(?<year>\\d{4})\\s*[年년.]\\s*(?<month>\\d{1,2})\\s*[月월.]\\s*(?<day>\\d{1,2})\\s*[日일号號.]?\\s*(?:[(（]\\s*\\p{L}+\\s*[)）])?"
                    + "\\s*(?:\\p{L}+요일)?\\s*(?<half>오전|오후|上午|下午|午前|午後|am|pm)?"
                    + "\\s*(?:(?<hour>\\d{1,2})\\s*[:時时시点點]\\s*(?:(?<minute>\\d{1,2})\\s*[分분]?)?(?:\\s*:?\\s*(?<second>\\d{1,2})\\s*[秒초]?)?)?" + ZONE,
            Pattern.CASE_INSENSITIVE);

    private LocalizedDates() {
    }

    static Optional<Instant> parse(String text, ZoneId defaultZone) {
        String value = withoutWeekday(asciiDigits(Normalizer.normalize(text, Normalizer.Form.NFKC)).strip());
        try {
            Matcher european = DAY_MONTH_YEAR.matcher(value);
            if (european.matches()) {
                Integer month = MONTHS.get(european.group("month").toLowerCase(Locale.ROOT));
                return month == null ? Optional.empty() : Optional.of(instant(european, month, false, defaultZone));
            }
            Matcher cjk = CJK.matcher(value);
            if (cjk.matches()) {
                boolean afternoon = cjk.group("half") != null && AFTERNOON.contains(cjk.group("half").toLowerCase(Locale.ROOT));
                return Optional.of(instant(cjk, Integer.parseInt(cjk.group("month")), afternoon, defaultZone));
            }
        } catch (DateTimeException e) {
            // 31 June, 25:00: no date, whatever the spelling
        }
        return Optional.empty();
    }

    private static Instant instant(Matcher date, int month, boolean afternoon, ZoneId defaultZone) {
        int hour = number(date, "hour");
        if (afternoon && hour < 12) {
            hour += 12;
        }
        LocalDateTime local = LocalDateTime.of(number(date, "year"), month, number(date, "day"), hour, number(date, "minute"), number(date, "second"));
        ZoneId zone = defaultZone;
        if (date.group("sign") != null) {
            int sign = date.group("sign").equals("-") ? -1 : 1;
            zone = ZoneOffset.ofHoursMinutes(sign * number(date, "zoneHours"), sign * number(date, "zoneMinutes"));
        }
        return local.atZone(zone).toInstant();
    }

    private static int number(Matcher date, String group) {
        return date.group(group) == null ? 0 : Integer.parseInt(date.group(group));
    }

    /** Arabic-Indic and Persian digits as ASCII ones (NFKC already folded the full-width ones). */
    private static String asciiDigits(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> out.appendCodePoint(Character.isDigit(c) ? '0' + Character.digit(c, 10) : c));
        return out.toString();
    }

    /** "Donnerstag, 20. Juni 2024", "jeudi 20 juin 2024", "четверг, 20 июня 2024". */
    private static String withoutWeekday(String value) {
        Matcher first = Pattern.compile("^(\\p{L}+)\\.?,?\\s+").matcher(value);
        if (first.find() && WEEKDAYS.contains(first.group(1).toLowerCase(Locale.ROOT))) {
            return value.substring(first.end());
        }
        return value;
    }

    private static Map<String, Integer> monthNames() {
        Map<String, Integer> months = new HashMap<>();
        for (Locale locale : LOCALES) {
            DateFormatSymbols symbols = DateFormatSymbols.getInstance(locale);
            for (String[] names : List.of(symbols.getMonths(), symbols.getShortMonths(), standAlone(locale, "LLLL"), standAlone(locale, "LLL"))) {
                for (int m = 0; m < 12; m++) {
                    String name = names[m].toLowerCase(Locale.ROOT).replace(".", "").strip();
                    if (!name.isEmpty()) {
                        int month = m + 1;
                        // A name two languages give to different months would read a date wrong in one of them.
                        months.merge(name, month, (known, other) -> {
                            if (!known.equals(other)) {
                                throw new IllegalStateException("'" + name + "' names month " + known + " and month " + other);
                            }
                            return known;
                        });
                    }
                }
            }
        }
        return Map.copyOf(months);
    }

    /** The nominative month names (Russian "июнь" beside the genitive "июня" of dates). */
    private static String[] standAlone(Locale locale, String pattern) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern(pattern, locale);
        String[] names = new String[12];
        for (int m = 1; m <= 12; m++) {
            names[m - 1] = format.format(LocalDate.of(2024, m, 1));
        }
        return names;
    }

    private static Set<String> weekdayNames() {
        return LOCALES.stream()
                .map(DateFormatSymbols::getInstance)
                .flatMap(s -> Stream.concat(Arrays.stream(s.getWeekdays()), Arrays.stream(s.getShortWeekdays())))
                .map(name -> name.toLowerCase(Locale.ROOT).replace(".", "").strip())
                .filter(name -> !name.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
