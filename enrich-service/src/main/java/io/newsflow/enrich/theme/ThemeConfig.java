package io.newsflow.enrich.theme;

import io.newsflow.settings.Check;
import io.smallrye.config.ConfigMapping;

import java.nio.file.Path;
import java.util.Optional;

/** {@code NEWSFLOW_THEMES_*}: where the theme taxonomy comes from. */
@ConfigMapping(prefix = "newsflow.themes")
public interface ThemeConfig {

    /** An operator's taxonomy file, read at start; without it, the one shipped in the service. */
    @Check(TaxonomyFile.class)
    Optional<Path> file();
}
