package io.newsflow.enrich.entity;

import java.util.Locale;

/**
 * A canonical entity: every spelling of it in every article resolves to this one id.
 *
 * @param id   {@code <type>/<slug of the canonical name>}, e.g. {@code person/vladimir-putin}
 * @param name the canonical name
 */
public record NamedEntity(String id, EntityType type, String name) {

    public static NamedEntity of(EntityType type, String name) {
        return new NamedEntity(type.name().toLowerCase(Locale.ROOT) + "/" + slug(name), type, name);
    }

    /**
     * The name to show of two spellings of one entity: one with lower-case letters over one in capitals
     * only. Reuters-style headlines and result tables write "LEICESTERSHIRE" or "LARA", and the first
     * spelling met would otherwise name the entity on every dashboard.
     */
    public NamedEntity betterWritten(NamedEntity other) {
        return writtenInCapitals() && !other.writtenInCapitals() ? other : this;
    }

    /** Letters that have a case, all of them capitals; a name in a script without case never is. */
    boolean writtenInCapitals() {
        return name.equals(name.toUpperCase(Locale.ROOT)) && !name.equals(name.toLowerCase(Locale.ROOT));
    }

    /** Lower case, words joined by '-'; letters of every script are kept, so a Chinese name has a Chinese slug. */
    static String slug(String name) {
        String folded = PhraseMatcher.fold(name).text().strip();
        StringBuilder slug = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                slug.append(c);
            } else if (slug.length() > 0 && slug.charAt(slug.length() - 1) != '-') {
                slug.append('-');
            }
        }
        int end = slug.length();
        while (end > 0 && slug.charAt(end - 1) == '-') {
            end--;
        }
        return slug.substring(0, Math.min(end, 180));
    }
}
