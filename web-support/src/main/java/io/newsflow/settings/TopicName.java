package io.newsflow.settings;

import java.util.Optional;
import java.util.regex.Pattern;

/** A Kafka topic's name as the broker accepts it; every service names its topics from the same variables. */
public final class TopicName implements Rule<String> {

    private static final Pattern LEGAL = Pattern.compile("[A-Za-z0-9._-]{1,249}");

    @Override
    public Optional<String> broken(String topic) {
        return LEGAL.matcher(topic).matches() && !topic.equals(".") && !topic.equals("..") ? Optional.empty()
                : Optional.of("must be a Kafka topic name: 1 to 249 letters, digits, '.', '_' or '-'");
    }
}
