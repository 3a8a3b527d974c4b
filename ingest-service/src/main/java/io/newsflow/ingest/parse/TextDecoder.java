package io.newsflow.ingest.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/** Bytes to text: a byte-order mark decides the charset, otherwise the bytes must be valid UTF-8. */
public final class TextDecoder {

    private TextDecoder() {
    }

    public static String decode(byte[] bytes) throws ParseException {
        Charset charset = StandardCharsets.UTF_8;
        int offset = 0;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            offset = 3;
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            offset = 2;
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            offset = 2;
        }
        try {
            String text = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString();
            if (text.indexOf('\u0000') >= 0) {
                throw new ParseException("binary", "the file contains NUL characters: it is binary, not text");
            }
            return Normalizer.normalize(text, Normalizer.Form.NFC);
        } catch (CharacterCodingException e) {
            throw new ParseException("undecodable", "the file is not valid " + charset.name() + " text");
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
