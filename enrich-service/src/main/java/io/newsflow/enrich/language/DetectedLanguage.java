package io.newsflow.enrich.language;

/**
 * @param code       ISO 639-1, or {@link #UNDETERMINED}
 * @param confidence 0..1, lingua's confidence for the chosen language
 */
public record DetectedLanguage(String code, double confidence) {

    public static final String UNDETERMINED = "und";

    public static DetectedLanguage undetermined() {
        return new DetectedLanguage(UNDETERMINED, 0.0);
    }
}
