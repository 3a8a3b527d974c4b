package io.newsflow.ingest.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Bytes to NFC text. In order: a byte-order mark; strict UTF-8; the charset the document declares
 * (HTML meta, XML prolog); detection by byte statistics ({@link CharsetGuess}: CJK, Cyrillic,
 * Arabic, Hebrew, Greek, Turkish, Thai, Vietnamese, Western). Whatever is chosen must decode
 * without a single malformed sequence, or the file is reported undecodable rather than garbled.
 */
public final class TextDecoder {

    /** The text and the charset it was read in, for provenance and error reports. */
    public record Decoded(String text, String charset) {
    }

    private static final int CONTROL_CHARACTER_LIMIT_PERCENT = 5;

    private TextDecoder() {
    }

    public static Decoded decode(byte[] bytes) throws ParseException {
        return decode(bytes, Optional.empty());
    }

    public static Decoded decode(byte[] bytes, Optional<String> declared) throws ParseException {
        Optional<Decoded> bom = byteOrderMark(bytes);
        if (bom.isPresent()) {
            return checked(bom.get());
        }
        if (looksBinary(bytes)) {
            throw new ParseException("binary", "the file contains NUL bytes: it is binary, not text");
        }
        Optional<String> utf8 = strict(bytes, 0, StandardCharsets.UTF_8);
        if (utf8.isPresent()) {
            return checked(new Decoded(utf8.get(), "UTF-8"));
        }
        Optional<Charset> declaredCharset = declared.flatMap(CharsetGuess::charset);
        if (declaredCharset.isPresent()) {
            Optional<String> text = strict(bytes, 0, declaredCharset.get());
            if (text.isPresent()) {
                return checked(new Decoded(text.get(), declaredCharset.get().name()));
            }
        }
        List<Charset> guesses = CharsetGuess.candidates(bytes);
        for (Charset guess : guesses) {
            Optional<String> text = strict(bytes, 0, guess);
            if (text.isPresent()) {
                return checked(new Decoded(text.get(), guess.name()));
            }
        }
        throw new ParseException("undecodable", "the file is neither valid UTF-8 nor text in a charset that could be recognized"
                + (guesses.isEmpty() ? "" : " (it looks like " + guesses.stream().map(Charset::name).collect(Collectors.joining(" or "))
                        + " but does not decode as " + (guesses.size() == 1 ? "it" : "either") + ")"));
    }

    private static Optional<Decoded> byteOrderMark(byte[] bytes) throws ParseException {
        record Mark(int[] prefix, Charset charset) {
        }
        Mark[] marks = {
                new Mark(new int[] {0xEF, 0xBB, 0xBF}, StandardCharsets.UTF_8),
                new Mark(new int[] {0x00, 0x00, 0xFE, 0xFF}, Charset.forName("UTF-32BE")),
                new Mark(new int[] {0xFF, 0xFE, 0x00, 0x00}, Charset.forName("UTF-32LE")),
                new Mark(new int[] {0xFE, 0xFF}, StandardCharsets.UTF_16BE),
                new Mark(new int[] {0xFF, 0xFE}, StandardCharsets.UTF_16LE)};
        for (Mark mark : marks) {
            if (startsWith(bytes, mark.prefix())) {
                String text = strict(bytes, mark.prefix().length, mark.charset())
                        .orElseThrow(() -> new ParseException("undecodable", "the file starts with a " + mark.charset().name()
                                + " byte-order mark but is not valid " + mark.charset().name()));
                return Optional.of(new Decoded(text, mark.charset().name()));
            }
        }
        return Optional.empty();
    }

    private static Decoded checked(Decoded decoded) throws ParseException {
        String text = decoded.text();
        long controls = text.chars().filter(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f').count();
        if (text.indexOf('\u0000') >= 0 || controls * 100 > (long) text.length() * CONTROL_CHARACTER_LIMIT_PERCENT) {
            throw new ParseException("binary", "the file is mostly control characters: it is binary, not text");
        }
        return new Decoded(Normalizer.normalize(text, Normalizer.Form.NFC), decoded.charset());
    }

    /** NUL bytes never occur in text of a byte-oriented charset; UTF-16/32 without a mark are not guessed. */
    private static boolean looksBinary(byte[] bytes) {
        int limit = Math.min(bytes.length, 8192);
        for (int i = 0; i < limit; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> strict(byte[] bytes, int offset, Charset charset) {
        try {
            return Optional.of(charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
