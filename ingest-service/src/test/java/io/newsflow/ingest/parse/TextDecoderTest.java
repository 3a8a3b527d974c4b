package io.newsflow.ingest.parse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Real news text written in the legacy charsets that still arrive from Chinese, Japanese, Korean and Russian sources. */
class TextDecoderTest {

    private static final String CHINESE_SIMPLIFIED = "俄罗斯总统普京与朝鲜领导人金正恩在东方航天发射场举行会谈。双方讨论了军事合作、卫星技术以及经济援助等问题。"
            + "分析人士认为，这次会晤标志着两国关系进入新的阶段，也引起了美国、韩国和日本的高度关注。";
    private static final String CHINESE_TRADITIONAL = "俄羅斯總統普京與朝鮮領導人金正恩在東方航天發射場舉行會談。雙方討論了軍事合作、衛星技術以及經濟援助等問題。"
            + "分析人士認為，這次會晤標誌著兩國關係進入新的階段，也引起了美國、韓國和日本的高度關注。";
    private static final String JAPANESE = "ロシアのプーチン大統領と北朝鮮の金正恩総書記は、極東のボストーチヌイ宇宙基地で首脳会談を行った。"
            + "両首脳は軍事協力や人工衛星の技術について話し合ったとみられ、日本政府は情報の収集と分析を急いでいる。";
    private static final String KOREAN = "블라디미르 푸틴 러시아 대통령과 김정은 북한 국무위원장이 보스토치니 우주기지에서 정상회담을 가졌다. "
            + "두 정상은 군사 협력과 인공위성 기술에 대해 논의한 것으로 알려졌으며, 한국 정부는 회담 결과를 면밀히 분석하고 있다.";
    private static final String RUSSIAN = "Президент России Владимир Путин и лидер КНДР Ким Чен Ын провели переговоры на космодроме Восточный. "
            + "Стороны обсудили военное сотрудничество, спутниковые технологии и экономическую помощь, сообщил пресс-секретарь Дмитрий Песков.";

    @ParameterizedTest
    @CsvSource({
            "GB18030, zh-Hans", "Big5, zh-Hant", "Shift_JIS, ja", "EUC-JP, ja", "EUC-KR, ko", "windows-1251, ru", "KOI8-R, ru", "UTF-8, ru"})
    void newsTextInLegacyCharsetsIsDecodedExactly(String charset, String language) throws ParseException {
        String text = switch (language) {
            case "zh-Hans" -> CHINESE_SIMPLIFIED;
            case "zh-Hant" -> CHINESE_TRADITIONAL;
            case "ja" -> JAPANESE;
            case "ko" -> KOREAN;
            default -> RUSSIAN;
        };
        TextDecoder.Decoded decoded = TextDecoder.decode(text.getBytes(Charset.forName(charset)));
        assertEquals(text, decoded.text());
    }

    @Test
    void latinTextInIso8859IsDecoded() throws ParseException {
        String text = "Le président français a déclaré à la presse que la coopération énergétique restait une priorité "
                + "pour l'Europe, malgré les désaccords sur le calendrier des négociations à Bruxelles.";
        assertEquals(text, TextDecoder.decode(text.getBytes(StandardCharsets.ISO_8859_1)).text());
    }

    @Test
    void aDeclaredCharsetIsTriedBeforeGuessing() throws ParseException {
        byte[] bytes = RUSSIAN.getBytes(Charset.forName("KOI8-R"));
        TextDecoder.Decoded decoded = TextDecoder.decode(bytes, Optional.of("koi8-r"));
        assertEquals(RUSSIAN, decoded.text());
        assertEquals("KOI8-R", decoded.charset());
    }

    @Test
    void textIsNfcNormalized() throws ParseException {
        String decomposed = "Cafe\u0301 crème";
        assertEquals("Café crème", TextDecoder.decode(decomposed.getBytes(StandardCharsets.UTF_8)).text());
    }

    @Test
    void aFalseByteOrderMarkIsUndecodable() {
        byte[] bytes = {(byte) 0xFE, (byte) 0xFF, (byte) 0xD8, 0x00};
        assertEquals("undecodable", assertThrows(ParseException.class, () -> TextDecoder.decode(bytes)).reason());
    }
}
