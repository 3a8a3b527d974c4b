package io.newsflow.settings;

import org.eclipse.microprofile.config.spi.Converter;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code 20971520}, {@code 20M}, {@code 20MiB} or {@code 20MB} as bytes. Units are binary, as in Quarkus'
 * {@code MemorySize} and the JVM's {@code -Xmx}: an operator writing {@code 20MB} means the same 20M.
 */
public final class ByteSizeConverter implements Converter<Long> {

    static final String FORM = "a byte size such as 20971520, 20M or 20MiB";

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(?:([kmgt])(?:i?b)?|b)?");

    @Override
    public Long convert(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        if (text.isEmpty()) {
            return null;
        }
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("must be " + FORM);
        }
        int shift = m.group(2) == null ? 0 : 10 * ("kmgt".indexOf(m.group(2).charAt(0)) + 1);
        try {
            long count = Long.parseLong(m.group(1));
            if (count > Long.MAX_VALUE >> shift) {
                throw new IllegalArgumentException("must be " + FORM + ", and fewer than 8 EiB");
            }
            return count << shift;
        } catch (NumberFormatException tooLong) {
            throw new IllegalArgumentException("must be " + FORM + ", and fewer than 8 EiB", tooLong);
        }
    }
}
