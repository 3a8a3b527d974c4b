package io.newsflow.settings;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A relation between two settings of one group without which the service is useless: a lease shorter
 * than its heartbeat is lost while its holder lives, a maximum below its minimum never applies.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AtLeast {

    /** The sibling setting's method name, e.g. {@code heartbeatInterval}. */
    String value();

    /** How many times the sibling's value this setting must reach (durations and whole numbers). */
    int times() default 1;
}
