package io.newsflow.enrich.theme;

import io.newsflow.settings.Rule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** NEWSFLOW_THEMES_FILE must be there to be read: a mistyped path otherwise stops the start with a stack trace. */
public final class TaxonomyFile implements Rule<Path> {

    @Override
    public Optional<String> broken(Path file) {
        return Files.isRegularFile(file) && Files.isReadable(file) ? Optional.empty()
                : Optional.of("must be a readable theme taxonomy file (JSON); " + file.toAbsolutePath() + " is not one");
    }
}
