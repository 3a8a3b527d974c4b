package io.newsflow.enrich.entity;

import com.ibm.icu.text.LocaleDisplayNames;
import com.ibm.icu.text.TimeZoneNames;
import com.ibm.icu.util.Region;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import com.ibm.icu.util.VersionInfo;

import java.util.ArrayList;
import java.util.List;

/**
 * World places named in several languages by the Unicode CLDR, as ICU4J ships it: the exemplar
 * city of every time zone (Москва, Лондон, Нью-Йорк; 伦敦, 悉尼) and the continents and UN M.49
 * regions (Европа, Юго-Восточная Азия; 欧洲, 东南亚). Russian and Chinese names of foreign places
 * carry no morphology a rule could read; this is openly licensed data (Unicode License v3) that
 * names them. Read at startup rather than generated into a resource: the names then follow the
 * pinned ICU4J version, which is part of {@link AliasTable#version()}.
 */
final class CldrPlaceNames {

    /** One spelling of a place; {@code canonical} is its English name, shared by all its spellings. */
    record PlaceName(String canonical, String spelling, String language) {
    }

    /**
     * Russian and Chinese (both scripts), whose recognizers lack foreign places. English names serve
     * as canonical names only: the English CRF finds English place names itself, and where it found
     * none the added cities were mostly wrong (sports teams named by their city) on CoNLL++ and UNER en.
     */
    private static final List<ULocale> LANGUAGES = List.of(ULocale.forLanguageTag("ru"), ULocale.SIMPLIFIED_CHINESE,
            ULocale.TRADITIONAL_CHINESE);

    private CldrPlaceNames() {
    }

    /** The ICU data and the selection rules below: raise the rules' number when they change, so that articles become stale. */
    static String version() {
        return "icu " + VersionInfo.ICU_VERSION + ", places-1";
    }

    static List<PlaceName> load() {
        List<PlaceName> places = new ArrayList<>();
        TimeZoneNames english = TimeZoneNames.getInstance(ULocale.ENGLISH);
        List<TimeZoneNames> zoneNames = LANGUAGES.stream().map(TimeZoneNames::getInstance).toList();
        for (String zone : TimeZone.getAvailableIDs(TimeZone.SystemTimeZoneType.CANONICAL_LOCATION, null, null)) {
            String canonical = english.getExemplarLocationName(zone);
            // Antarctic zones are research stations, mostly named after people (Casey, Davis, Mawson) or
            // words (Восток, 昭和); "Knox, Indiana" and the like are small towns named with their state.
            if (canonical == null || zone.startsWith("Antarctica/") || canonical.contains(",")) {
                continue;
            }
            for (int i = 0; i < LANGUAGES.size(); i++) {
                addSpelling(places, canonical, zoneNames.get(i).getExemplarLocationName(zone), LANGUAGES.get(i));
            }
        }
        LocaleDisplayNames englishRegions = LocaleDisplayNames.getInstance(ULocale.ENGLISH);
        List<LocaleDisplayNames> regionNames = LANGUAGES.stream().map(LocaleDisplayNames::getInstance).toList();
        for (Region.RegionType type : List.of(Region.RegionType.CONTINENT, Region.RegionType.SUBCONTINENT)) {
            for (Region region : Region.getAvailable(type)) {
                String canonical = englishRegions.regionDisplayName(region.toString());
                for (int i = 0; i < LANGUAGES.size(); i++) {
                    addSpelling(places, canonical, regionNames.get(i).regionDisplayName(region.toString()), LANGUAGES.get(i));
                }
            }
        }
        return places;
    }

    private static void addSpelling(List<PlaceName> places, String canonical, String spelling, ULocale language) {
        // In Chinese 中 and one more character are mostly two countries (中美 China–US, 中非 China–Africa),
        // not the region CLDR abbreviates so (中美 Central America, 中非 Middle Africa).
        if (spelling == null || spelling.isBlank() || (spelling.length() == 2 && spelling.startsWith("中"))) {
            return;
        }
        // CLDR abbreviates Russian "island(s)" to fit a menu: "о-в Сахалин", "Канарские о-ва"; text spells them out.
        String expanded = spelling.replace("о-ва", "острова").replace("о-в", "остров");
        places.add(new PlaceName(canonical, expanded, language.getLanguage()));
    }
}
