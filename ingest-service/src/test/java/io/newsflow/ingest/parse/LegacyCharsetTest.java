package io.newsflow.ingest.parse;

import io.newsflow.corpus.EvalData;
import io.newsflow.events.ContentId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * News text in the single-byte charsets of the Middle East, Greece, Turkey, Thailand and Vietnam:
 * read back exactly, so a legacy file and its UTF-8 copy are one article.
 */
class LegacyCharsetTest {

    private static final Map<String, String> NEWS = Map.of(
            "ar", "قال وزير الخارجية المصري إن المحادثات مع الجانب الإسرائيلي بشأن وقف إطلاق النار في غزة ما زالت مستمرة، "
                    + "وإن القاهرة تعمل مع قطر والولايات المتحدة على التوصل إلى اتفاق يضمن دخول المساعدات الإنسانية وتبادل الأسرى. "
                    + "وأضاف في مؤتمر صحفي عقده في العاصمة الأردنية عمان أن الوضع الإنساني في القطاع بلغ مرحلة خطيرة، "
                    + "داعيا مجلس الأمن الدولي إلى تحمل مسؤولياته.",
            "he", "ראש הממשלה נפגש הבוקר בירושלים עם שר החוץ האמריקני כדי לדון בהסכם להפסקת האש ובשחרור החטופים. "
                    + "לדברי גורמים מדיניים, הפגישה נמשכה כשלוש שעות והתמקדה גם בסיוע ההומניטרי לרצועת עזה ובמתיחות בגבול הצפון. "
                    + "בכנסת מתחו חברי האופוזיציה ביקורת חריפה על התנהלות הממשלה.",
            "el", "Ο πρωθυπουργός συναντήθηκε σήμερα στην Αθήνα με τον Τούρκο πρόεδρο, που έφτασε από την Άγκυρα, για να συζητήσουν "
                    + "τις σχέσεις των δύο χωρών και το μεταναστευτικό. Σύμφωνα με κυβερνητικές πηγές, οι δύο ηγέτες συμφώνησαν να συνεχίσουν "
                    + "τον διάλογο για τα μέτρα οικοδόμησης εμπιστοσύνης, ενώ η αντιπολίτευση ζήτησε ενημέρωση της Βουλής.",
            "tr", "Dışişleri Bakanı, Ankara'da düzenlediği basın toplantısında Türkiye'nin bölgedeki çatışmaların sona ermesi için "
                    + "arabuluculuk yapmaya hazır olduğunu söyledi. Bakan, İstanbul'da gerçekleştirilecek görüşmelere Rusya ve Ukrayna'dan "
                    + "heyetlerin katılacağını, ateşkes ve tahıl koridoru konularının gündemde olacağını açıkladı. Muhalefet ise hükümeti eleştirdi.",
            "th", "นายกรัฐมนตรีเดินทางเยือนกรุงโตเกียวเพื่อหารือกับผู้นำญี่ปุ่นเรื่องความร่วมมือด้านเศรษฐกิจและการลงทุน "
                    + "โดยทั้งสองฝ่ายได้ลงนามในบันทึกความเข้าใจว่าด้วยการพัฒนาโครงสร้างพื้นฐานและพลังงานสะอาด "
                    + "ขณะที่กระทรวงการต่างประเทศระบุว่าการเยือนครั้งนี้จะช่วยกระชับความสัมพันธ์ระหว่างสองประเทศ",
            "vi", "Thủ tướng Chính phủ đã tiếp Bộ trưởng Ngoại giao Nhật Bản tại Hà Nội để thảo luận về hợp tác kinh tế và đầu tư. "
                    + "Hai bên nhất trí thúc đẩy các dự án hạ tầng, năng lượng sạch và chuyển đổi số, đồng thời tăng cường trao đổi đoàn các cấp. "
                    + "Bộ Công Thương cho biết kim ngạch thương mại song phương năm ngoái đạt gần năm mươi tỷ đô la.",
            "fr", "Le président français a déclaré à la presse que la coopération énergétique restait une priorité "
                    + "pour l'Europe, malgré les désaccords sur le calendrier des négociations à Bruxelles.",
            "it", "Il presidente del Consiglio ha detto che però la trattativa con Bruxelles non è chiusa e che così com'è "
                    + "la manovra può ancora cambiare: città e regioni chiedono più fondi per la sanità e i trasporti.");

    private final ArticleFileParser parser = Parsers.files();

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({
            "ar, windows-1256", "ar, ISO-8859-6",
            "he, windows-1255", "he, ISO-8859-8",
            "el, windows-1253", "el, ISO-8859-7",
            "tr, windows-1254", "tr, ISO-8859-9",
            "th, TIS-620", "th, x-windows-874",
            "vi, windows-1258",
            "fr, windows-1252", "fr, ISO-8859-1", "it, ISO-8859-15"})
    void aLegacyFileIsTheSameArticleAsItsUtf8Copy(String language, String charset) throws ParseException {
        String text = NEWS.get(language);
        String file = "Title: " + text.substring(0, text.indexOf(' ', 40)) + "\nSource: Wire\n\n" + text + "\n";

        ParsedArticle legacy = parser.parse("story.txt", encode(file, Charset.forName(charset))).get(0);
        ParsedArticle utf8 = parser.parse("story.txt", file.getBytes(StandardCharsets.UTF_8)).get(0);

        assertEquals(utf8.body(), legacy.body());
        assertEquals(utf8.title(), legacy.title());
        assertEquals(ContentId.of(utf8.title(), utf8.body()), ContentId.of(legacy.title(), legacy.body()));
    }

    @Test
    void windowsOnlyPunctuationWidensAnIsoGuessToItsWindowsCharset() throws ParseException {
        String quoted = "«" + NEWS.get("el") + "» — “είπε” ο εκπρόσωπος…";
        assertEquals(quoted, TextDecoder.decode(encode(quoted, Charset.forName("windows-1253"))).text());
        String turkish = "“" + NEWS.get("tr") + "” – dedi.";
        TextDecoder.Decoded decoded = TextDecoder.decode(encode(turkish, Charset.forName("windows-1254")));
        assertEquals(turkish, decoded.text());
        assertEquals("windows-1254", decoded.charset());
    }

    @Test
    void bytesThatNoCharsetDecodesStayUndecodable() {
        // 0x81 is undefined in windows-1252, -1254, -1255, -1256 and -1258; in UTF-8 a lone continuation byte.
        byte[] bytes = encode("Dışişleri Bakanı açıkladı \u0081\u0081 görüşmeler sürüyor", Charset.forName("ISO-8859-9"));
        ParseException refused = assertThrows(ParseException.class, () -> TextDecoder.decode(bytes));
        assertEquals("undecodable", refused.reason());
    }

    /**
     * Real sentences (lingua's test sentences and Universal Dependencies news, read for measuring only,
     * never committed), a paragraph of five in each language and each of its legacy charsets.
     */
    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({"ar, windows-1256", "ar, ISO-8859-6", "tr, windows-1254", "tr, ISO-8859-9", "vi, windows-1258",
            "de, windows-1252", "fr, ISO-8859-1", "es, windows-1252", "ru, windows-1251", "ru, KOI8-R", "uk, KOI8-U", "uk, windows-1251",
            "pl, windows-1250", "pl, ISO-8859-2"})
    void realSentencesRoundTrip(String language, String charset) throws IOException, ParseException {
        Path sentences = EvalData.dir("langid").map(d -> d.resolve(language + ".txt")).filter(Files::isRegularFile).orElse(null);
        assumeTrue(sentences != null, "../shared/eval-data/langid is not next to the repository: real sentences not read");
        Charset legacy = Charset.forName(charset);
        CharsetEncoder encoder = legacy.newEncoder();
        List<String> lines = Files.readAllLines(sentences).stream()
                .map(String::strip).filter(l -> !l.isEmpty())
                .map(l -> Normalizer.normalize(l, Normalizer.Form.NFC))
                // a few source lines carry C1 control characters, the trace of an earlier mis-decoding: not text
                .filter(l -> l.chars().noneMatch(c -> c >= 0x80 && c <= 0x9F))
                .filter(l -> encoder.canEncode(cp1258Form(l, legacy)))
                .toList();
        List<String> wrong = new ArrayList<>();
        int paragraphs = 0;
        for (int i = 0; i + 5 <= lines.size() && paragraphs < 200; i += 5, paragraphs++) {
            String paragraph = String.join(" ", lines.subList(i, i + 5));
            String decoded = TextDecoder.decode(encode(paragraph, legacy)).text();
            if (!decoded.equals(paragraph)) {
                wrong.add(paragraph.substring(0, Math.min(60, paragraph.length())) + " → " + decoded.substring(0, Math.min(60, decoded.length())));
            }
        }
        assertTrue(paragraphs >= 50, "only " + paragraphs + " paragraphs of " + language + " fit " + charset);
        // A paragraph with no letter outside ASCII cannot tell its charset and needs none: it still reads back exactly.
        assertTrue(wrong.size() * 100 <= paragraphs, wrong.size() + " of " + paragraphs + " paragraphs misread, e.g. " + wrong.stream().limit(3).toList());
    }

    /** Text as a windows-1258 writer stores it: its letters precomposed, its five tone marks combining. */
    private static String cp1258Form(String text, Charset charset) {
        if (!charset.name().equals("windows-1258")) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        for (String letter : text.split("(?=\\P{M})")) {
            String decomposed = Normalizer.normalize(letter, Normalizer.Form.NFD);
            StringBuilder base = new StringBuilder();
            StringBuilder tones = new StringBuilder();
            decomposed.codePoints().forEach(c -> ("\u0300\u0301\u0303\u0309\u0323".indexOf(c) >= 0 ? tones : base).appendCodePoint(c));
            out.append(Normalizer.normalize(base, Normalizer.Form.NFC)).append(tones);
        }
        return out.toString();
    }

    private static byte[] encode(String text, Charset charset) {
        String form = cp1258Form(text, charset);
        assertTrue(charset.newEncoder().canEncode(form), "the test text is not " + charset.name());
        return form.getBytes(charset);
    }
}
