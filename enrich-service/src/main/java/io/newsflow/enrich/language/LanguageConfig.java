package io.newsflow.enrich.language;

import io.newsflow.settings.AtLeast;
import io.newsflow.settings.Check;
import io.newsflow.settings.Range;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;

/** {@code NEWSFLOW_LANGUAGE_*}: which languages to tell apart, and when to answer {@code und}. */
@ConfigMapping(prefix = "newsflow.language")
public interface LanguageConfig {

    /**
     * ISO 639-1 codes the detector chooses among. A short list is faster and more accurate than all
     * 75 of lingua's: Malay is left out by default because it absorbs Indonesian.
     */
    @WithDefault("en,de,fr,es,it,pt,nl,sv,da,nb,fi,pl,cs,ro,hu,el,ru,uk,tr,ar,fa,he,hi,id,vi,th,zh,ja,ko")
    @Check(KnownLanguages.class)
    List<String> languages();

    /** Fewer letters than this is too little text to tell: the answer is {@code und}. */
    @WithDefault("3")
    @Range(min = 1, max = 1000)
    int minLetters();

    /**
     * Only this many characters from the start are read: a paragraph decides as well as the whole
     * article, and detection costs in proportion to what it reads (4000 took a sixth of enrichment's CPU).
     */
    @WithDefault("1000")
    @Range(min = 1, max = 1_000_000)
    @AtLeast("minLetters")
    int maxChars();
}
