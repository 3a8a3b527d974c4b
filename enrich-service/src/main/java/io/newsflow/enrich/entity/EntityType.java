package io.newsflow.enrich.entity;

/** The three types kept (CoNLL's MISC is not). */
public enum EntityType {
    PERSON, ORGANIZATION, LOCATION;

    /** CoNLL/IOB tags (PER, ORG, LOC), CoreNLP's (PERSON, ORGANIZATION, LOCATION); null for anything else. */
    public static EntityType fromTag(String tag) {
        return switch (tag) {
            case "PER", "PERSON" -> PERSON;
            case "ORG", "ORGANIZATION" -> ORGANIZATION;
            case "LOC", "LOCATION", "GPE" -> LOCATION;
            default -> null;
        };
    }
}
