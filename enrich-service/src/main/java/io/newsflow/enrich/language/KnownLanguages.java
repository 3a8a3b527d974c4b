package io.newsflow.enrich.language;

import com.github.pemistahl.lingua.api.Language;
import io.newsflow.settings.Rule;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** NEWSFLOW_LANGUAGE_LANGUAGES: ISO 639-1 codes of languages lingua can detect, at least two to choose between. */
public final class KnownLanguages implements Rule<List<String>> {

    @Override
    public Optional<String> broken(List<String> codes) {
        List<String> unknown = codes.stream().filter(code -> find(code).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            return Optional.of("must be ISO 639-1 codes the detector knows (" + String.join(", ", unknown)
                    + (unknown.size() == 1 ? " is not one" : " are not") + "; known: " + known() + ")");
        }
        return codes.size() < 2 ? Optional.of("must name at least two languages to choose between") : Optional.empty();
    }

    static Optional<Language> find(String code) {
        String wanted = code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(Language.values())
                .filter(language -> language != Language.UNKNOWN && LanguageService.isoCode(language).equals(wanted))
                .findFirst();
    }

    private static String known() {
        return Arrays.stream(Language.values()).filter(language -> language != Language.UNKNOWN)
                .map(LanguageService::isoCode).sorted().collect(Collectors.joining(","));
    }
}
