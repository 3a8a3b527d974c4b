package io.newsflow.ingest.parse;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import org.mozilla.universalchardet.UniversalDetector;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The charsets a text without a declaration was most likely written in, best first. Two detectors,
 * each trusted where it is strong: ICU's n-gram detector for the single-byte charsets, where it
 * names the language (juniversalchardet reads Arabic as windows-1255 or MacCyrillic, Polish and
 * Turkish as windows-1252, and some Russian as MacCyrillic); juniversalchardet for Chinese,
 * Japanese, Korean and Thai, which ICU misreads. A guess is then refined where the bytes tell more
 * than either detector: the Windows superset of an ISO charset, KOI8-U's Ukrainian letters,
 * Turkish letters read as Icelandic ones, and Vietnamese in windows-1258, which neither detector knows.
 */
final class CharsetGuess {

    /** ICU's 0–100 confidence below which its guess of a language is only a fallback. */
    private static final int ICU_CONFIDENCE = 20;

    /** Bytes 0x80–0x9F are printable only in the Windows charsets: ISO text never has them. */
    private static final Map<String, String> WINDOWS_SUPERSET = Map.of(
            "ISO-8859-1", "windows-1252",
            "ISO-8859-2", "windows-1250",
            "ISO-8859-6", "windows-1256",
            "ISO-8859-7", "windows-1253",
            "ISO-8859-8", "windows-1255",
            "ISO-8859-9", "windows-1254",
            "ISO-8859-13", "windows-1257");

    /** KOI8-U's і ї є ґ (either case), box-drawing characters in KOI8-R, which no news text has. */
    private static final Set<Integer> KOI8_U_LETTERS = Set.of(0xA4, 0xA6, 0xA7, 0xAD, 0xB4, 0xB6, 0xB7, 0xBD);

    /** ğ ı ş Ğ İ Ş of windows-1254 are ð ý þ Ð Ý Þ in windows-1252: Icelandic letters, and Icelandic is no language newsflow detects. */
    private static final Set<Integer> TURKISH_LETTERS = Set.of(0xF0, 0xFD, 0xFE, 0xD0, 0xDD, 0xDE);

    /** windows-1258's five combining tone marks, written after the vowel they sit on. */
    private static final String VIETNAMESE_TONES = "\u0300\u0301\u0303\u0309\u0323";
    private static final String VIETNAMESE_VOWELS = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY";
    /** Most Vietnamese syllables carry a tone: a fifth of the words is far above what any other language read in windows-1258 shows. */
    private static final double VIETNAMESE_TONES_PER_WORD = 0.2;

    private CharsetGuess() {
    }

    static List<Charset> candidates(byte[] bytes) {
        Set<String> names = new LinkedHashSet<>();
        Optional<CharsetMatch> icu = icu(bytes);
        // ICU names a language only for the single-byte charsets it has n-grams of.
        icu.filter(m -> m.getLanguage() != null && m.getConfidence() >= ICU_CONFIDENCE)
                .ifPresent(m -> names.add(isPolishInWindows1250(m, bytes) ? "windows-1250" : m.getName()));
        universal(bytes).ifPresent(names::add);
        // UTF-16 and UTF-32 without a byte-order mark are never guessed: any even run of bytes "decodes" as them.
        icu.filter(m -> !m.getName().startsWith("UTF-")).ifPresent(m -> names.add(m.getName()));

        List<Charset> candidates = new ArrayList<>();
        for (String name : names) {
            charset(name).ifPresent(c -> candidates.addAll(refined(c, bytes)));
        }
        return candidates.stream().distinct().toList();
    }

    private static Optional<String> universal(byte[] bytes) {
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(bytes, 0, bytes.length);
        detector.dataEnd();
        return Optional.ofNullable(detector.getDetectedCharset());
    }

    private static Optional<CharsetMatch> icu(byte[] bytes) {
        CharsetDetector detector = new CharsetDetector();
        detector.setText(bytes);
        return Optional.ofNullable(detector.detect());
    }

    static Optional<Charset> charset(String name) {
        try {
            Charset charset = Charset.forName(name.strip());
            return Optional.of(switch (charset.name()) {
                // Subsets: the superset never loses a character they can encode, and reads what they cannot.
                case "GB2312", "GBK" -> Charset.forName("GB18030");
                case "TIS-620" -> Charset.forName("x-windows-874");
                default -> charset;
            });
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }

    /** The guess and, before it, what the bytes show it must be instead. */
    private static List<Charset> refined(Charset charset, byte[] bytes) {
        String superset = WINDOWS_SUPERSET.get(charset.name());
        Charset widened = superset != null && (hasC1Bytes(bytes) || (charset.name().equals("ISO-8859-7") && hasWindowsGreekCapitalAlpha(bytes)))
                ? Charset.forName(superset) : charset;
        List<Charset> refined = new ArrayList<>(3);
        switch (widened.name()) {
            case "KOI8-R" -> {
                if (hasAny(bytes, KOI8_U_LETTERS)) {
                    refined.add(Charset.forName("KOI8-U"));
                }
            }
            case "windows-1252", "ISO-8859-1", "ISO-8859-15" -> {
                if (looksVietnamese(bytes)) {
                    refined.add(Charset.forName("windows-1258"));
                }
                if (hasAny(bytes, TURKISH_LETTERS)) {
                    refined.add(Charset.forName("windows-1254"));
                }
            }
            default -> {
            }
        }
        refined.add(widened);
        return refined;
    }

    /**
     * Polish text without ś or ź (windows-1250's only bytes in 0x80–0x9F) looks like ISO-8859-2 to
     * ICU, but has ą at windows-1250's 0xB9, where ISO-8859-2 has the Czech š, and not at its own 0xB1.
     */
    private static boolean isPolishInWindows1250(CharsetMatch match, byte[] bytes) {
        return "pl".equals(match.getLanguage()) && match.getName().equals("ISO-8859-2")
                && hasAny(bytes, Set.of(0xB9)) && !hasAny(bytes, Set.of(0xB1));
    }

    private static boolean hasC1Bytes(byte[] bytes) {
        for (byte b : bytes) {
            int v = b & 0xFF;
            if (v >= 0x80 && v <= 0x9F) {
                return true;
            }
        }
        return false;
    }

    /** windows-1253 puts Ά at 0xA2, where ISO-8859-7 has a quotation mark, which is never followed by a Greek letter. */
    private static boolean hasWindowsGreekCapitalAlpha(byte[] bytes) {
        for (int i = 0; i + 1 < bytes.length; i++) {
            if ((bytes[i] & 0xFF) == 0xA2 && (bytes[i + 1] & 0xFF) >= 0xC1) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasAny(byte[] bytes, Set<Integer> values) {
        for (byte b : bytes) {
            if (values.contains(b & 0xFF)) {
                return true;
            }
        }
        return false;
    }

    private static boolean looksVietnamese(byte[] bytes) {
        CharBuffer text;
        try {
            text = Charset.forName("windows-1258").newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            return false;
        }
        int tones = 0;
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (VIETNAMESE_TONES.indexOf(c) >= 0) {
                if (i > 0 && VIETNAMESE_VOWELS.indexOf(text.charAt(i - 1)) >= 0) {
                    tones++;
                }
            } else if (Character.isLetter(c)) {
                if (!inWord) {
                    words++;
                }
                inWord = true;
            } else {
                inWord = false;
            }
        }
        return tones >= 3 && tones >= words * VIETNAMESE_TONES_PER_WORD;
    }
}
