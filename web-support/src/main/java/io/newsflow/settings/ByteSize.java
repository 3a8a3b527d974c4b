package io.newsflow.settings;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A size in bytes, written as a plain count or with a unit ({@code 20M}, {@code 20MiB}); pair it with
 * {@code @WithConverter(ByteSizeConverter.class)}, which reads the units.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ByteSize {

    long min();

    long max();
}
