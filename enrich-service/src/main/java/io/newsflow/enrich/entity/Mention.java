package io.newsflow.enrich.entity;

/** A name found in a text, before linking: {@code [start, end)} into the text, the recognizer's type. */
public record Mention(int start, int end, String surface, EntityType type) {
}
