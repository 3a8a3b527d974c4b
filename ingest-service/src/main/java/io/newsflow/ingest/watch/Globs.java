package io.newsflow.ingest.watch;

import io.newsflow.settings.Rule;

import java.util.List;
import java.util.Optional;

/** NEWSFLOW_INBOX_INCLUDE / _EXCLUDE: each glob must compile (a bad one throws PatternSyntaxException), or the scanner would fail on its first look at the inbox. */
public final class Globs implements Rule<List<String>> {

    @Override
    public Optional<String> broken(List<String> globs) {
        for (String glob : globs) {
            try {
                InboxScanner.glob(glob);
            } catch (IllegalArgumentException e) {
                return Optional.of("must be comma-separated globs such as **.txt,news/** (" + glob.strip() + " is not one)");
            }
        }
        return Optional.empty();
    }
}
