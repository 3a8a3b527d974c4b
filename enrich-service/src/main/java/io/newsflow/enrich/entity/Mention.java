package io.newsflow.enrich.entity;

/**
 * A name found in a text, before linking: {@code [start, end)} into the text and the recognizer's type.
 *
 * @param known the entity, when the alias table found the name (an inflected "Путина" cannot be looked up again)
 */
public record Mention(int start, int end, String surface, EntityType type, NamedEntity known) {

    public Mention(int start, int end, String surface, EntityType type) {
        this(start, end, surface, type, null);
    }

    boolean overlaps(int otherStart, int otherEnd) {
        return start < otherEnd && otherStart < end;
    }

    int letters() {
        return (int) surface.chars().filter(Character::isLetter).count();
    }
}
