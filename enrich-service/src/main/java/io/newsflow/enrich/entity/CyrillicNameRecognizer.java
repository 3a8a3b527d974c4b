package io.newsflow.enrich.entity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Russian and Ukrainian names without a statistical model (none is published for Java on Maven
 * Central), from what these languages mark in the words themselves. They capitalize little but
 * names, so a run of capitalized words that does not open a sentence is a name; a sentence's first
 * word joins it only when it is no common sentence opener (Однако, Президент …) or has evidence of
 * its own (a first name, an acronym, an organization word). Only the first word of an organization
 * or place name is capitalized ("Министерство иностранных дел", "Московская область"), so such a
 * name reaches over the lowercase words that complete it. The type comes from, in order: an
 * organization word (министерство, партия …) or place word (область, остров …) in the name; an
 * acronym (not one of a common noun: СМИ, ВВП), a Latin-script name, a name in «quotes» after an
 * organization word (organizations); a preposition of place before it (в, из, на + locative …); the
 * kind named before it (город Тверь, компания Яндекс); a first name, a patronymic, a title
 * before it (президент …) or a surname ending in any case (-ов, -ина, -ского …) for people; an
 * adjective before a noun (Северная Корея) or a place ending (-ия, -ск, -град …) for places; a
 * person otherwise, the commonest case in news. The alias table, which runs after it, corrects
 * what it knows (США, Москва, Кремль).
 */
final class CyrillicNameRecognizer {

    /** Raise when the rules change: articles enriched with older rules are then stale. */
    static final String VERSION = "cyrillic-rules-2";

    private static final Pattern WORD = Pattern.compile("[\\p{IsCyrillic}\\p{IsLatin}][\\p{IsCyrillic}\\p{IsLatin}\\d]*(?:[-’'][\\p{IsCyrillic}\\p{IsLatin}\\d]+)*");

    /** Stems of organization words; the rest of the word must be a noun ending. */
    private static final List<String> ORGANIZATION_STEMS = List.of("парти", "университет", "ассоциаци", "компани", "корпораци",
            "министерств", "банк", "совет", "комитет", "агентств", "служб", "фонд", "организаци", "союз", "клуб", "институт",
            "академи", "суд", "парламент", "дум", "конгресс", "сенат", "арми", "газет", "журнал", "театр", "музе", "школ",
            "завод", "групп", "холдинг", "лиг", "команд", "движени", "фронт", "центр", "федераци", "колледж", "церков", "церкв",
            "правительств", "администраци", "ведомств", "кабинет", "управлени", "департамент", "бюро", "палат", "собрани",
            "ассамбле", "комисси", "трибунал", "прокуратур", "полици", "альянс", "консорциум", "обществ", "редакци", "штаб",
            "флот", "гварди", "войск", "концерн", "издательств", "телеканал", "радиостанци", "бирж", "объединени", "корпус",
            "університет", "міністерств", "рад", "парті", "уряд");
    private static final List<String> LOCATION_STEMS = List.of("област", "кра", "район", "город", "улиц", "остров", "рек",
            "мор", "океан", "полуостров", "штат", "округ", "провинци", "залив", "пролив", "озер", "долин", "пустын", "площад",
            "проспект", "республик", "королевств", "регион", "континент", "мыс", "бухт", "княжеств", "графств", "хребет",
            "місто", "міст");
    private static final Set<String> NOUN_ENDINGS = Set.of("", "а", "я", "у", "ю", "о", "ом", "ем", "ём", "е", "ы", "и", "і",
            "ой", "ей", "ою", "ею", "ью", "ь", "й", "ам", "ям", "ами", "ями", "ах", "ях", "ов", "ев", "ие", "ия", "ии", "ию", "ией");
    /** Acronyms of common nouns, not names: media, GDP, VAT, DNA, HIV, AI, software, accident … */
    private static final Set<String> COMMON_ACRONYMS = Set.of("сми", "ввп", "внп", "ндс", "днк", "рнк", "вич", "спид", "чп", "дтп",
            "жкх", "ии", "по", "пво", "про", "бпла", "аэс", "тэц", "гэс", "вуз", "вузы", "нко", "ип", "ооо", "оао", "зао", "ао",
            "пао", "гмо", "орви");
    /** Legal forms that precede a company's name in quotes: ООО «Ромашка». */
    private static final Set<String> LEGAL_FORMS = Set.of("ооо", "оао", "зао", "ао", "пао", "нко", "гуп", "фгуп", "муп", "тов", "прат");

    private static final Pattern ADJECTIVE = Pattern.compile(".*(ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ую|юю|ых|их|ыми|ими)");
    private static final Pattern GENITIVE = Pattern.compile(".{2,}(ого|его|ой|ей|ых|их|а|я|ы|и|ов|ев)");
    private static final Pattern PATRONYMIC = Pattern.compile(".+(ович|евич|ьич)(а|у|ем|ом|е)?|.+(овн|евн|ичн)(а|ы|е|у|ой)");
    private static final Pattern SURNAME = Pattern.compile(
            ".+(ов|ев|ёв|ин|ын)(а|у|ым|ом|е|ой|ых|ы)?|.+(ск|цк)(ий|ая|ого|ому|им|ом|ой|ую|ие|их)|.+(енко|швили|дзе|ук|юк)|.+ян(а|у|ом|е)?");
    private static final Pattern PLACE_ENDING = Pattern.compile(".+(ия|ии|ию|ией|ск|ска|ске|ском|град|града|граде|бург|бурга|бурге|поль|поля|поле|стан|стана|стане)");
    /** Function words that look like genitives ("его", "этой") but never continue a name. */
    private static final Set<String> FUNCTION_WORDS = Set.of("его", "ее", "её", "их", "этого", "этой", "этих", "того", "той", "тех",
            "всех", "всего", "всей", "него", "нее", "неё", "них", "которого", "которой", "которых", "своего", "своей", "своих",
            "нашей", "наших", "вашей", "ваших", "моей", "моих", "для", "или", "либо", "также", "тоже", "когда", "тогда", "более",
            "менее", "чем", "уже", "ещё", "еще", "лишь", "только", "была", "были", "было", "могли", "могла", "многих", "других",
            "другой", "другого", "каждой", "каждого", "одной", "одного", "двух", "трёх", "трех", "года", "году", "лет", "время");
    /** Words that open sentences and never start a name: pronouns, conjunctions, prepositions, adverbs, particles. */
    private static final Set<String> SENTENCE_OPENERS = Set.of(
            "а", "и", "но", "да", "или", "однако", "зато", "также", "тоже", "в", "во", "на", "по", "к", "ко", "с", "со", "у",
            "о", "об", "от", "до", "из", "за", "под", "над", "при", "про", "для", "без", "после", "перед", "через", "между",
            "среди", "около", "согласно", "благодаря", "вместе", "кроме", "помимо", "он", "она", "оно", "они", "мы", "вы", "я",
            "ты", "его", "её", "ее", "их", "им", "ему", "ей", "это", "этот", "эта", "эти", "этим", "этого", "тот", "та", "те",
            "то", "так", "там", "тут", "здесь", "тогда", "когда", "если", "хотя", "пока", "чтобы", "как", "где", "кто", "что",
            "чем", "почему", "зачем", "какой", "какая", "какие", "который", "которая", "которые", "все", "всё", "весь", "вся",
            "многие", "некоторые", "несколько", "каждый", "один", "одна", "два", "две", "три", "первый", "первая", "сейчас",
            "сегодня", "вчера", "завтра", "теперь", "уже", "ещё", "еще", "затем", "потом", "позже", "ранее", "впрочем",
            "поэтому", "потому", "именно", "лишь", "только", "даже", "конечно", "наконец", "кстати", "возможно", "вероятно",
            "причём", "причем", "ведь", "же", "ли", "не", "ни", "нет", "вот", "вон", "оба", "обе", "сам", "сама", "сами",
            "свой", "своя", "наш", "наша", "ваш", "мой", "моя", "другие", "другой", "новый", "новая", "новые", "большинство",
            "часть", "туда", "сюда", "отсюда", "всего", "почти", "очень", "более", "менее", "большой", "главный", "бывший",
            "бывшая", "президент", "премьер-министр", "министр", "глава", "лидер", "по-моему", "например", "во-первых",
            "во-вторых", "итак", "эту", "этой");
    private static final List<String> PERSON_TITLES = List.of("президент", "министр", "премьер", "госсекретар", "канцлер",
            "глав", "лидер", "пресс-секретар", "генсек", "господин", "г-н", "госпож", "сенатор", "депутат", "губернатор", "мэр",
            "посол", "генерал", "кандидат", "председател", "директор", "профессор", "писател", "актер", "актёр", "певиц", "певец",
            "король", "королев", "принц", "папа", "спикер", "вице-", "экс-", "доктор", "судья", "адмирал", "полковник",
            "режиссёр", "режиссер", "художник", "поэт", "композитор", "футболист", "тренер", "журналист", "историк", "учёный",
            "ученый", "сын", "дочь", "жена", "муж", "брат", "сестра", "отец", "мать");
    /** After "на" only a place takes the locative (на Кубе, на Филиппинах); "на Путина" is accusative. */
    private static final Pattern LOCATIVE = Pattern.compile(".+(е|и|ах|ях)");
    /** Prepositions of place: "в Нью-Йорке", "из Берлина", "около Донецка". */
    private static final Set<String> PLACE_PREPOSITIONS = Set.of("в", "во", "из", "под", "около", "возле", "близ", "вблизи");

    private static final Set<String> FIRST_NAMES = loadFirstNames();

    /** Oblique-case ending → nominative ending, for first names and the names of places: the regular noun declensions. */
    private static final String[][] CASE_ENDINGS = {
            {"а", ""}, {"у", ""}, {"ом", ""}, {"е", ""}, {"я", "й"}, {"ю", "й"}, {"ем", "й"}, {"е", "й"}, {"я", "ь"}, {"ю", "ь"},
            {"ем", "ь"}, {"е", "ь"}, {"ы", "а"}, {"и", "а"}, {"е", "а"}, {"у", "а"}, {"ой", "а"}, {"и", "я"}, {"е", "я"}, {"ю", "я"},
            {"ей", "я"}, {"ии", "ия"}, {"ию", "ия"}, {"ией", "ия"}};

    private record Word(int start, int end, String text, String lower) {
        boolean capitalized() {
            return Character.isUpperCase(text.charAt(0));
        }

        boolean acronym() {
            return text.length() >= 2 && text.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
        }

        boolean latin() {
            return Character.UnicodeScript.of(text.charAt(0)) == Character.UnicodeScript.LATIN;
        }
    }

    List<Mention> recognize(String text) {
        List<Word> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(new Word(m.start(), m.end(), m.group(), m.group().toLowerCase(Locale.ROOT)));
        }
        List<Mention> mentions = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            if (!words.get(i).capitalized()) {
                i++;
                continue;
            }
            int j = i + 1;
            // A first name starts a new name unless it follows another: "Кремля | Дмитрий Песков", "Жан Клод".
            while (j < words.size() && words.get(j).capitalized() && adjacent(text, words.get(j - 1), words.get(j))
                    && !(isFirstName(words.get(j)) && !isFirstName(words.get(j - 1)))) {
                j++;
            }
            int first = i;
            if (opensSentence(text, words.get(i).start()) && !startsAName(words, i, j)) {
                first++;
            }
            if (first < j) {
                j = addName(text, words, first, j, mentions);
            }
            i = j;
        }
        return mentions;
    }

    /** Adds the name made of words {@code [first, end)} and what completes it; returns the index after it. */
    private static int addName(String text, List<Word> words, int first, int end, List<Mention> mentions) {
        EntityType cue = null;
        int last = end;
        // "Московский государственный университет", "Московская область": a capitalized adjective, maybe
        // lowercase ones, and a lowercase organization or place word.
        if (ADJECTIVE.matcher(words.get(end - 1).lower()).matches()) {
            int k = end;
            while (k < words.size() && k - end < 2 && adjacent(text, words.get(k - 1), words.get(k)) && !words.get(k).capitalized()
                    && ADJECTIVE.matcher(words.get(k).lower()).matches() && !isStemForm(words.get(k), ORGANIZATION_STEMS)) {
                k++;
            }
            if (k < words.size() && adjacent(text, words.get(k - 1), words.get(k)) && !words.get(k).capitalized()) {
                if (isStemForm(words.get(k), ORGANIZATION_STEMS)) {
                    cue = EntityType.ORGANIZATION;
                    last = k + 1;
                } else if (isStemForm(words.get(k), LOCATION_STEMS)) {
                    cue = EntityType.LOCATION;
                    last = k + 1;
                }
            }
        }
        // "Министерство иностранных дел России", "Российская академия наук": an organization word, the
        // lowercase genitives that complete it, maybe a capitalized complement.
        if (cue == EntityType.ORGANIZATION || (cue == null && isStemForm(words.get(end - 1), ORGANIZATION_STEMS))) {
            int k = last;
            while (k < words.size() && k - last < 3 && adjacent(text, words.get(k - 1), words.get(k)) && !words.get(k).capitalized()
                    && (GENITIVE.matcher(words.get(k).lower()).matches() || words.get(k - 1).lower().matches(".+(ых|их)"))
                    && !FUNCTION_WORDS.contains(words.get(k).lower())) {
                k++;
            }
            while (k > last && k < words.size() && words.get(k).capitalized() && adjacent(text, words.get(k - 1), words.get(k))) {
                k++;
            }
            last = k;
        }
        List<Word> span = words.subList(first, last);
        Word before = first > 0 && !opensSentence(text, words.get(first).start()) ? words.get(first - 1) : null;
        EntityType type = cue != null ? cue : type(span, before, quoted(text, span.get(0).start()));
        if (type != null) {
            int start = span.get(0).start();
            int stop = span.get(span.size() - 1).end();
            mentions.add(new Mention(start, stop, text.substring(start, stop), type));
        }
        return last;
    }

    /**
     * A sentence's first word is capitalized anyway: it starts a name of several words unless it is a
     * common sentence opener or a title ("Однако Путин", "Президент Макрон"), a name of its own only
     * with evidence (a first name, an acronym, an organization word).
     */
    private static boolean startsAName(List<Word> words, int i, int end) {
        Word word = words.get(i);
        if (end - i >= 2 && !SENTENCE_OPENERS.contains(word.lower()) && PERSON_TITLES.stream().noneMatch(word.lower()::startsWith)) {
            return true;
        }
        return isFirstName(word) || word.acronym() || word.latin() || isStemForm(word, ORGANIZATION_STEMS)
                || (end - i >= 2 && ADJECTIVE.matcher(word.lower()).matches());
    }

    /** Only a space (or a hyphen) between two words of one name, or the period of an initial (В. В. Путин, Дж. Байден). */
    private static boolean adjacent(String text, Word left, Word right) {
        String gap = text.substring(left.end(), right.start());
        return gap.equals(" ") || gap.equals("-") || gap.equals("\u00a0")
                || (isInitial(left) && (gap.equals(". ") || gap.equals(".") || gap.equals(".\u00a0")));
    }

    /** One capital, or a capital and a lowercase letter (Дж, Ch): an abbreviated first name. */
    private static boolean isInitial(Word word) {
        String w = word.text();
        return Character.isUpperCase(w.charAt(0)) && (w.length() == 1 || (w.length() == 2 && Character.isLowerCase(w.charAt(1))));
    }

    private static boolean opensSentence(String text, int position) {
        for (int k = position - 1; k >= 0; k--) {
            char c = text.charAt(k);
            if (c == '.' && k > 0 && Character.isUpperCase(text.charAt(k - 1)) && (k == 1 || !Character.isLetter(text.charAt(k - 2)))) {
                return false; // the period of an initial
            }
            if (c == '.' || c == '!' || c == '?' || c == '…' || c == '\n') {
                return true;
            }
            if (Character.isLetterOrDigit(c) || c == ',' || c == ';' || c == ':') {
                return false;
            }
        }
        return true;
    }

    /** An opening quote right before the name, spaces allowed: «Газпром», „Нафтогаз“. */
    private static boolean quoted(String text, int start) {
        int k = start - 1;
        while (k >= 0 && Character.isSpaceChar(text.charAt(k))) {
            k--;
        }
        return k >= 0 && "«„“\"".indexOf(text.charAt(k)) >= 0;
    }

    private static EntityType type(List<Word> span, Word before, boolean quoted) {
        if (span.stream().anyMatch(w -> isStemForm(w, ORGANIZATION_STEMS))) {
            return EntityType.ORGANIZATION;
        }
        if (span.stream().anyMatch(w -> isStemForm(w, LOCATION_STEMS))) {
            return EntityType.LOCATION;
        }
        String beforeWord = before == null ? "" : before.lower();
        Word head = span.get(0);
        Word tail = span.get(span.size() - 1);
        if (span.size() == 1 && head.acronym()) {
            return COMMON_ACRONYMS.contains(head.lower()) ? null : EntityType.ORGANIZATION;
        }
        // A name in quotes is a company's after an organization word or a legal form (компания «Яндекс», ООО «Ромашка»), else mostly a title.
        if (quoted) {
            return isOrganizationCue(beforeWord) ? EntityType.ORGANIZATION : null;
        }
        // Latin-script names in Cyrillic text are mostly brands, companies and media.
        if (span.stream().allMatch(Word::latin)) {
            return EntityType.ORGANIZATION;
        }
        if (PLACE_PREPOSITIONS.contains(beforeWord) || (beforeWord.equals("на") && LOCATIVE.matcher(tail.lower()).matches())) {
            return EntityType.LOCATION;
        }
        // The kind named before the name: "город Тверь", "остров Крит", "компания Яндекс", "газета Известия".
        if (isStemForm(beforeWord, LOCATION_STEMS)) {
            return EntityType.LOCATION;
        }
        if (isOrganizationCue(beforeWord)) {
            return EntityType.ORGANIZATION;
        }

        if (isFirstName(head) || span.stream().anyMatch(w -> PATRONYMIC.matcher(w.lower()).matches())
                || (!beforeWord.isEmpty() && PERSON_TITLES.stream().anyMatch(beforeWord::startsWith))
                || SURNAME.matcher(tail.lower()).matches()) {
            return EntityType.PERSON;
        }
        if (span.size() >= 2 && ADJECTIVE.matcher(head.lower()).matches()) {
            return EntityType.LOCATION;
        }
        if (PLACE_ENDING.matcher(tail.lower()).matches()) {
            return EntityType.LOCATION;
        }
        // Several plain capitalized words are mostly a foreign person's name; a single one, most often a surname.
        return EntityType.PERSON;
    }

    private static boolean isOrganizationCue(String lower) {
        return LEGAL_FORMS.contains(lower) || isStemForm(lower, ORGANIZATION_STEMS);
    }

    /** The word is a form of one of the stems: the stem and a noun ending ("министерства", not "Судан" for "суд"). */
    private static boolean isStemForm(Word word, List<String> stems) {
        return isStemForm(word.lower(), stems);
    }

    private static boolean isStemForm(String lower, List<String> stems) {
        for (String stem : stems) {
            if (lower.startsWith(stem) && NOUN_ENDINGS.contains(lower.substring(stem.length()))) {
                return true;
            }
        }
        return false;
    }

    /** A known first name in any case: Иван, Ивана, Иваном; Сергей, Сергея; Мария, Марии; Анна, Анной. */
    private static boolean isFirstName(Word word) {
        if (!word.capitalized()) {
            return false;
        }
        String w = word.text();
        if (FIRST_NAMES.contains(w)) {
            return true;
        }
        for (String[] ending : CASE_ENDINGS) {
            if (w.length() > ending[0].length() + 1 && w.endsWith(ending[0])
                    && FIRST_NAMES.contains(w.substring(0, w.length() - ending[0].length()) + ending[1])) {
                return true;
            }
        }
        return false;
    }

    /**
     * The nominative and its regular oblique cases: Лондон → Лондона, Лондону, Лондоном, Лондоне;
     * Москва → Москвы, Москве, Москву, Москвой; Франция → Франции, Францию. A name ending in another
     * vowel (Осло, Баку) does not decline; in a name of several words the last one declines (Нью-Йорке).
     */
    static List<String> caseForms(String nominative) {
        List<String> forms = new ArrayList<>(List.of(nominative));
        char last = Character.toLowerCase(nominative.charAt(nominative.length() - 1));
        boolean consonant = Character.UnicodeScript.of(last) == Character.UnicodeScript.CYRILLIC && "аеёиоуыэюяйь".indexOf(last) < 0;
        for (String[] ending : CASE_ENDINGS) {
            if (ending[1].isEmpty() ? consonant : nominative.endsWith(ending[1])) {
                forms.add(nominative.substring(0, nominative.length() - ending[1].length()) + ending[0]);
            }
        }
        return forms;
    }

    private static Set<String> loadFirstNames() {
        String resource = "/io/newsflow/enrich/entity/cyrillic-first-names.txt";
        try (InputStream in = CyrillicNameRecognizer.class.getResourceAsStream(resource)) {
            Set<String> names = new HashSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("#")) {
                    names.addAll(List.of(line.strip().split("\\s+")));
                }
            }
            names.remove("");
            return Set.copyOf(names);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
