package io.newsflow.enrich.theme;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The theme taxonomy as an operator edits it (see {@code themes.json} shipped with the service).
 *
 * @param version         what the file says, plus a hash of its bytes: an edit without a new version still
 *                        counts as a new taxonomy, whichever field changed
 * @param defaultMinScore the score a theme needs unless it sets its own
 * @param shortTextMinScore the score a theme needs, unless it sets its own, in a text no longer than the lead:
 *                        there one phrase (doubled by the lead weight) is often all the evidence a headline or a
 *                        two-sentence item gives
 * @param defaultMinShare the share of the best theme's score a theme needs unless it sets its own (0: none)
 * @param leadChars       how many characters from the start of the text (title and lead) count as the lead
 * @param leadWeight      multiplies the weight of a phrase found in the lead
 * @param secondaryMinPhrases how many different phrases a theme other than the text's best needs (1: no condition)
 */
public record ThemeTaxonomy(String version, double defaultMinScore, double shortTextMinScore, double defaultMinShare, int leadChars, double leadWeight, int secondaryMinPhrases,
                            List<Theme> themes) {

    static final int MAX_VERSION_CHARS = 48;
    static final String DEFAULT_RESOURCE = "/io/newsflow/enrich/theme/themes.json";

    /**
     * @param phrases  language code → phrases ({@code sanction*}, {@code arms deal=2})
     * @param exclude  language code → phrases inside which a hit does not count
     * @param weight   multiplies the theme's score (default 1)
     * @param minScore the score a text needs for the theme (default: the taxonomy's)
     * @param minShare the share of the text's best theme score the theme needs (default: the taxonomy's):
     *                 a theme mentioned in passing in an article about something else stays out
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Theme(String code, Double weight, Double minScore, Double minShare, Map<String, List<String>> phrases,
                        Map<String, List<String>> exclude) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record File(String version, Double defaultMinScore, Double shortTextMinScore, Double defaultMinShare, Integer leadChars, Double leadWeight, Integer secondaryMinPhrases,
                        List<Theme> themes) {
    }

    public static ThemeTaxonomy loadDefault() {
        try (InputStream in = ThemeTaxonomy.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            return parse(in.readAllBytes(), DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
        }
    }

    public static ThemeTaxonomy load(Path path) {
        try {
            return parse(Files.readAllBytes(path), path.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("NEWSFLOW_THEMES_FILE: cannot read " + path, e);
        }
    }

    static ThemeTaxonomy parse(byte[] json, String origin) {
        File file;
        try {
            file = new ObjectMapper().readValue(json, File.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("theme taxonomy " + origin + " is not valid JSON: " + e.getMessage(), e);
        }
        if (file.themes() == null || file.themes().isEmpty()) {
            throw new IllegalArgumentException("theme taxonomy " + origin + " has no themes");
        }
        for (Theme theme : file.themes()) {
            if (theme.code() == null || theme.code().isBlank() || theme.phrases() == null || theme.phrases().isEmpty()) {
                throw new IllegalArgumentException("theme taxonomy " + origin + ": every theme needs a code and phrases");
            }
            if (!isShare(theme.minShare())) {
                throw new IllegalArgumentException("theme taxonomy " + origin + ": " + theme.code() + "'s minShare must be between 0 and 1");
            }
        }
        // A share above 1 or a negative lead would silently drop every theme or invert the lead: refused at start.
        if (!isShare(file.defaultMinShare()) || (file.leadChars() != null && file.leadChars() < 0) || (file.leadWeight() != null && file.leadWeight() <= 0)) {
            throw new IllegalArgumentException("theme taxonomy " + origin + ": defaultMinShare must be between 0 and 1, leadChars ≥ 0, leadWeight > 0");
        }
        // Stored per article beside the hash and the scoring revision, in a 64-character column.
        if (file.version() != null && file.version().length() > MAX_VERSION_CHARS) {
            throw new IllegalArgumentException("theme taxonomy " + origin + ": version must be at most " + MAX_VERSION_CHARS + " characters");
        }
        String hash = sha256(json).substring(0, 8);
        String version = (file.version() == null ? "unversioned" : file.version()) + "+" + hash;
        double defaultMinScore = orDefault(file.defaultMinScore(), 2.0);
        return new ThemeTaxonomy(version, defaultMinScore, orDefault(file.shortTextMinScore(), defaultMinScore), orDefault(file.defaultMinShare(), 0.0),
                file.leadChars() == null ? 0 : file.leadChars(), orDefault(file.leadWeight(), 1.0),
                file.secondaryMinPhrases() == null ? 1 : file.secondaryMinPhrases(), List.copyOf(file.themes()));
    }

    private static boolean isShare(Double value) {
        return value == null || (value >= 0 && value <= 1);
    }

    private static double orDefault(Double value, double otherwise) {
        return value == null ? otherwise : value;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
