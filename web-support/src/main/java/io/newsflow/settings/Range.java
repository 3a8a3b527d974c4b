package io.newsflow.settings;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A count's bounds, both allowed: zero workers ingest nothing, a million threads only exhaust the machine. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Range {

    long min();

    long max();
}
