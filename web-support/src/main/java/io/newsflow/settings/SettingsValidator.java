package io.newsflow.settings;

import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.ConfigValidator;
import io.smallrye.config.WithName;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks newsflow's {@code @ConfigMapping} interfaces against the rules annotated on their methods
 * ({@link Range}, {@link ByteSize}, {@link Fraction}, {@link DurationRange}, {@link AtLeast}, {@link Check}).
 * Each broken rule is one line naming the environment variable, the value given and what is allowed,
 * e.g. {@code NEWSFLOW_INBOX_WORKERS=0 is not allowed: must be between 1 and 256}; Quarkus prints these
 * lines without a stack trace and exits with status 1.
 */
public final class SettingsValidator implements ConfigValidator {

    /** Quarkus' and SmallRye's own mappings carry none of these rules: walking them would only cost start time. */
    private static final String CHECKED_PACKAGE = "io.newsflow.";

    @Override
    public void validateMapping(Class<?> mappingClass, String prefix, Object mapping) throws ConfigValidationException {
        if (!mappingClass.getName().startsWith(CHECKED_PACKAGE)) {
            return;
        }
        List<String> problems = new ArrayList<>();
        checkGroup(mappingClass, prefix, mapping, problems);
        if (!problems.isEmpty()) {
            throw new ConfigValidationException(problems.stream().map(ConfigValidationException.Problem::new)
                    .toArray(ConfigValidationException.Problem[]::new));
        }
    }

    private static void checkGroup(Class<?> group, String prefix, Object values, List<String> problems) {
        for (Method method : group.getMethods()) {
            if (method.getParameterCount() != 0 || method.isDefault() || Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            String property = prefix + "." + propertyName(method);
            Object value = call(method, values);
            if (isGroup(method.getReturnType())) {
                checkGroup(method.getReturnType(), property, value, problems);
                continue;
            }
            Object present = value instanceof Optional<?> optional ? optional.orElse(null) : value;
            if (present == null) {
                continue;
            }
            broken(method, present, group, prefix, values).ifPresent(rule -> problems.add(
                    envName(property) + "=" + given(property, present) + " is not allowed: " + rule));
        }
    }

    private static Optional<String> broken(Method method, Object value, Class<?> group, String prefix, Object values) {
        Range range = method.getAnnotation(Range.class);
        if (range != null && outside(((Number) value).longValue(), range.min(), range.max())) {
            return Optional.of("must be between " + range.min() + " and " + range.max());
        }
        ByteSize size = method.getAnnotation(ByteSize.class);
        if (size != null && outside(((Number) value).longValue(), size.min(), size.max())) {
            return Optional.of("must be between " + bytes(size.min()) + " and " + bytes(size.max())
                    + ", " + ByteSizeConverter.FORM);
        }
        if (method.isAnnotationPresent(Fraction.class)) {
            double share = ((Number) value).doubleValue();
            if (!(share > 0 && share <= 1)) {
                return Optional.of("must be a fraction above 0 and at most 1, e.g. 0.8 (not a percentage)");
            }
        }
        DurationRange durations = method.getAnnotation(DurationRange.class);
        if (durations != null) {
            Duration min = Duration.parse(durations.min());
            Duration max = Duration.parse(durations.max());
            Duration duration = (Duration) value;
            if (duration.compareTo(min) < 0 || duration.compareTo(max) > 0) {
                return Optional.of("must be a duration between " + human(min) + " and " + human(max) + ", e.g. 2s, 500ms or PT2S");
            }
        }
        AtLeast atLeast = method.getAnnotation(AtLeast.class);
        if (atLeast != null) {
            Optional<String> below = below(value, atLeast, group, prefix, values);
            if (below.isPresent()) {
                return below;
            }
        }
        Check check = method.getAnnotation(Check.class);
        return check == null ? Optional.empty() : rule(check).broken(value);
    }

    private static Optional<String> below(Object value, AtLeast atLeast, Class<?> group, String prefix, Object values) {
        Method sibling;
        try {
            sibling = group.getMethod(atLeast.value());
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("@AtLeast names no setting of " + group.getName() + ": " + atLeast.value(), e);
        }
        Object other = call(sibling, values);
        boolean below;
        String least;
        if (value instanceof Duration duration) {
            Duration minimum = ((Duration) other).multipliedBy(atLeast.times());
            below = duration.compareTo(minimum) < 0;
            least = human(minimum);
        } else {
            long minimum = ((Number) other).longValue() * atLeast.times();
            below = ((Number) value).longValue() < minimum;
            least = Long.toString(minimum);
        }
        String times = atLeast.times() == 1 ? "" : atLeast.times() + " × ";
        return below ? Optional.of("must be at least " + times + envName(prefix + "." + propertyName(sibling)) + " (" + least + ")")
                : Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static Rule<Object> rule(Check check) {
        try {
            return (Rule<Object>) check.value().getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("rule " + check.value().getName() + " needs a public no-argument constructor", e);
        }
    }

    private static boolean outside(long value, long min, long max) {
        return value < min || value > max;
    }

    private static boolean isGroup(Class<?> type) {
        return type.isInterface() && type.getName().startsWith(CHECKED_PACKAGE);
    }

    private static Object call(Method method, Object target) {
        try {
            return method.invoke(target);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read setting " + method, e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot read setting " + method, e.getCause());
        }
    }

    private static String propertyName(Method method) {
        WithName name = method.getAnnotation(WithName.class);
        return name != null ? name.value() : method.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    static String envName(String property) {
        return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** The operator's own spelling where it came from the environment, else the value as read. */
    private static String given(String property, Object value) {
        String fromEnv = System.getenv(envName(property));
        if (fromEnv != null) {
            return fromEnv;
        }
        return value instanceof Collection<?> list
                ? list.stream().map(String::valueOf).collect(Collectors.joining(","))
                : String.valueOf(value);
    }

    private static String bytes(long count) {
        String[] units = {"", "K", "M", "G", "T"};
        int unit = 0;
        while (unit < units.length - 1 && count != 0 && count % 1024 == 0) {
            count /= 1024;
            unit++;
        }
        return count + units[unit];
    }

    private static String human(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        long millis = duration.toMillis();
        if (millis % 86_400_000 == 0) {
            return millis / 86_400_000 + "d";
        }
        if (millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
