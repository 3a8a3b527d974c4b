package io.newsflow.settings;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A duration's bounds, both allowed, in ISO-8601 ({@code PT0S} where zero has a meaning, else {@code PT0.001S}). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface DurationRange {

    String min();

    String max();
}
