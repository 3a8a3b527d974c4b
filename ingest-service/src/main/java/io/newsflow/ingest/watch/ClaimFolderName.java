package io.newsflow.ingest.watch;

import io.newsflow.settings.Rule;

import java.util.Optional;
import java.util.regex.Pattern;

/** NEWSFLOW_INSTANCE_ID names a folder under the inbox's claims: a slash or {@code ..} would put it elsewhere. */
public final class ClaimFolderName implements Rule<String> {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    @Override
    public Optional<String> broken(String id) {
        return NAME.matcher(id).matches() ? Optional.empty()
                : Optional.of("must be 1 to 100 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
}
