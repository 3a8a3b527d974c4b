package io.newsflow.enrich.language;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LanguageServiceTest {

    private static final LanguageService SERVICE = new LanguageService(config(List.of(
            "en", "de", "fr", "es", "it", "pt", "nl", "sv", "da", "nb", "fi", "pl", "cs", "ro", "hu", "el", "ru", "uk",
            "tr", "ar", "fa", "he", "hi", "id", "vi", "th", "zh", "ja", "ko")));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "en | The two leaders met at the launch site and discussed military cooperation for several hours.",
            "de | Die beiden Staatschefs trafen sich am Weltraumbahnhof und sprachen stundenlang über die Zusammenarbeit.",
            "fr | Les deux dirigeants se sont rencontrés sur le site de lancement et ont discuté pendant des heures.",
            "es | Los dos líderes se reunieron en la base espacial y hablaron durante horas sobre la cooperación.",
            "ru | Два лидера встретились на космодроме и несколько часов обсуждали военное сотрудничество.",
            "uk | Двоє лідерів зустрілися на космодромі й кілька годин обговорювали військову співпрацю.",
            "zh | 两国领导人在航天发射场会面，并就军事合作问题进行了数小时的会谈。",
            "ja | 両国の首脳は宇宙基地で会談し、軍事協力について数時間にわたって話し合った。",
            "ko | 두 정상은 우주 기지에서 만나 군사 협력에 대해 몇 시간 동안 논의했다.",
            "ar | التقى الزعيمان في موقع الإطلاق وناقشا التعاون العسكري لعدة ساعات.",
            "tr | İki lider fırlatma üssünde bir araya gelerek askeri işbirliğini saatlerce görüştü.",
    })
    void detectsTheLanguageOfANewsSentence(String expected, String sentence) {
        DetectedLanguage detected = SERVICE.detect(sentence);
        assertEquals(expected, detected.code(), sentence);
        assertTrue(detected.confidence() > 0.0 && detected.confidence() <= 1.0);
    }

    @Test
    void tooLittleTextIsUndetermined() {
        assertEquals(DetectedLanguage.undetermined(), SERVICE.detect("12 - 3"));
        assertEquals(DetectedLanguage.undetermined(), SERVICE.detect("  "));
    }

    @Test
    void unknownOrTooFewLanguagesAreAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> new LanguageService(config(List.of("en", "xx"))));
        assertThrows(IllegalArgumentException.class, () -> new LanguageService(config(List.of("en"))));
    }

    private static LanguageConfig config(List<String> languages) {
        return new LanguageConfig() {
            @Override
            public List<String> languages() {
                return languages;
            }

            @Override
            public int minLetters() {
                return 3;
            }

            @Override
            public int maxChars() {
                return 4000;
            }
        };
    }
}
