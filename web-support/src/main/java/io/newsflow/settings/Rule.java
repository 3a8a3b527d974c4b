package io.newsflow.settings;

import java.util.Optional;

/**
 * A setting's own rule, named by {@link Check}; it needs a public no-argument constructor.
 *
 * @param <T> the setting's type as the mapping returns it (the element type of an {@code Optional})
 */
public interface Rule<T> {

    /** What the value must be, in the words of the error line (e.g. "must be …"), or empty when it is allowed. */
    Optional<String> broken(T value);
}
