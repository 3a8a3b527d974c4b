package io.newsflow.enrich.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Russian and Ukrainian names without a statistical model (none is published for Java on Maven
 * Central): these languages capitalize little but names, so a run of capitalized words that does
 * not open a sentence is a name. Its type comes from the words themselves: an organization word
 * (партия, университет, министерство …), a place word (область, остров …) or place ending
 * (-ия, -ск, -град), a surname ending (-ов, -ский, -ович …), a title before it (президент …);
 * acronyms, Latin-script names and names in «quotes» are organizations, a name after a preposition
 * of place is a place; anything else is taken for a person, the commonest case in news.
 * The alias table, which runs after it, corrects what it knows (США, Москва, Кремль).
 */
final class CyrillicNameRecognizer {

    /** Raise when the rules change: articles enriched with older rules are then stale. */
    static final String VERSION = "cyrillic-rules-1";

    private static final Pattern WORD = Pattern.compile("[\\p{IsCyrillic}\\p{IsLatin}][\\p{IsCyrillic}\\p{IsLatin}\\d]*(?:[-’'][\\p{IsCyrillic}\\p{IsLatin}\\d]+)*");

    private static final List<String> ORGANIZATION_WORDS = List.of("парти", "университет", "ассоциаци", "компани", "корпораци",
            "министерств", "банк", "совет", "комитет", "агентств", "служб", "фонд", "организаци", "союз", "клуб", "институт",
            "академи", "суд", "парламент", "дум", "конгресс", "сенат", "арми", "газет", "журнал", "театр", "музей", "школ",
            "завод", "групп", "холдинг", "лиг", "команд", "движени", "фронт", "центр", "федераци", "колледж", "церк",
            "уніве", "міністерств", "рад");
    private static final List<String> LOCATION_WORDS = List.of("област", "край", "район", "город", "улиц", "остров", "рек",
            "мор", "океан", "гор", "полуостров", "штат", "округ", "провинци", "стрит", "залив", "пролив", "озер", "долин",
            "пустын", "площад", "проспект", "республик", "королевств", "регион", "континент");
    private static final List<String> LOCATION_ENDINGS = List.of("ия", "ии", "ию", "ией", "ск", "ска", "ске", "ском", "град",
            "граде", "бург", "бурге", "поль", "поле", "стан", "стана", "стане");
    private static final List<String> SURNAME_ENDINGS = List.of("ов", "ова", "ову", "овым", "овой", "ев", "ева", "еву", "евым",
            "евой", "ёв", "ин", "ина", "ину", "иным", "ской", "ский", "ская", "ского", "скому", "ским", "цкий", "цкая", "ович",
            "евич", "овна", "евна", "енко", "ук", "юк", "швили", "дзе", "ян");
    private static final List<String> PERSON_TITLES = List.of("президент", "министр", "премьер", "госсекретар", "канцлер",
            "глав", "лидер", "пресс-секретар", "генсек", "господин", "г-н", "госпож", "сенатор", "депутат", "губернатор", "мэр",
            "посол", "генерал", "кандидат", "председател", "директор", "профессор", "писател", "актер", "актёр", "певиц", "певец",
            "король", "королев", "принц", "папа", "сказал", "заявил", "заявила", "сказала", "написал", "написала");

    /** Prepositions of place: "в Нью-Йорке", "из Берлина", "на Кубе". */
    private static final List<String> PLACE_PREPOSITIONS = List.of("в", "во", "из", "на", "под");

    private record Word(int start, int end, String text) {
        boolean capitalized() {
            return Character.isUpperCase(text.charAt(0));
        }

        boolean acronym() {
            return text.length() >= 2 && text.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
        }
    }

    List<Mention> recognize(String text) {
        List<Word> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(new Word(m.start(), m.end(), m.group()));
        }
        List<Mention> mentions = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            if (!words.get(i).capitalized()) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < words.size() && words.get(j).capitalized() && adjacent(text, words.get(j - 1), words.get(j))) {
                j++;
            }
            boolean opensSentence = opensSentence(text, words.get(i).start());
            if (!opensSentence || j - i >= 2) {
                List<Word> span = words.subList(i, j);
                Word before = i > 0 && !opensSentence ? words.get(i - 1) : null;
                int start = span.get(0).start();
                int end = span.get(span.size() - 1).end();
                mentions.add(new Mention(start, end, text.substring(start, end), type(span, before, start > 0 && text.charAt(start - 1) == '«')));
            }
            i = j;
        }
        return mentions;
    }

    /** Only spaces (or a hyphen) between two words of one name: a comma or a quote ends it. */
    private static boolean adjacent(String text, Word left, Word right) {
        String gap = text.substring(left.end(), right.start());
        return gap.equals(" ") || gap.equals("-") || gap.equals("\u00a0");
    }

    private static boolean opensSentence(String text, int position) {
        for (int k = position - 1; k >= 0; k--) {
            char c = text.charAt(k);
            if (c == '.' || c == '!' || c == '?' || c == '…' || c == '\n') {
                return true;
            }
            if (Character.isLetterOrDigit(c) || c == ',' || c == ';' || c == ':') {
                return false;
            }
        }
        return true;
    }

    private static EntityType type(List<Word> span, Word before, boolean quoted) {
        List<String> lower = span.stream().map(w -> w.text().toLowerCase(Locale.ROOT)).toList();
        if (lower.stream().anyMatch(w -> ORGANIZATION_WORDS.stream().anyMatch(w::startsWith))) {
            return EntityType.ORGANIZATION;
        }
        if (lower.stream().anyMatch(w -> LOCATION_WORDS.stream().anyMatch(w::startsWith))) {
            return EntityType.LOCATION;
        }
        // Acronyms, Latin-script names (brands, media) and names in «quotes» are mostly organizations.
        boolean latin = span.stream().allMatch(w -> Character.UnicodeScript.of(w.text().charAt(0)) == Character.UnicodeScript.LATIN);
        if ((span.size() == 1 && span.get(0).acronym()) || latin || quoted) {
            return EntityType.ORGANIZATION;
        }
        if (before != null && PLACE_PREPOSITIONS.contains(before.text().toLowerCase(Locale.ROOT))
                && before.end() + 1 == span.get(0).start()) {
            return EntityType.LOCATION;
        }
        if (before != null && PERSON_TITLES.stream().anyMatch(before.text().toLowerCase(Locale.ROOT)::startsWith)) {
            return EntityType.PERSON;
        }
        String last = lower.get(lower.size() - 1);
        if (SURNAME_ENDINGS.stream().anyMatch(last::endsWith)) {
            return EntityType.PERSON;
        }
        if (LOCATION_ENDINGS.stream().anyMatch(last::endsWith)) {
            return EntityType.LOCATION;
        }
        return EntityType.PERSON;
    }
}
