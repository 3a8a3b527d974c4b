package io.newsflow.enrich.quality;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * English news-like articles generated from sentence frames, and the edits that make copies of
 * them. Articles on one topic share its people, places and organisations and the frames' wording,
 * which makes them hard negatives for near-duplicate detection (like samples 003 and 004); a fixed
 * seed makes every run the same.
 */
public final class SyntheticArticles {

    private static final String[][] TOPICS = {
            {"President Alvarez", "Minister Okafor", "the central bank", "Lisbon", "the finance ministry", "inflation", "interest rates"},
            {"Chancellor Brandt", "General Ivanov", "the defence alliance", "the northern border", "the army", "troops", "air defence"},
            {"Dr. Mehta", "the health agency", "the university hospital", "Nairobi", "the vaccine maker", "the outbreak", "hospital beds"},
            {"Coach Rinaldi", "captain Sato", "the football federation", "Milan", "the league", "the championship", "the final"},
            {"Governor Lindqvist", "the weather service", "the river authority", "the coastal region", "rescue teams", "the floods", "the storm"},
            {"CEO Tanaka", "the chipmaker", "the regulator", "Seoul", "the trade ministry", "export controls", "the factory"},
            {"Mayor Dubois", "the city council", "the transport union", "Marseille", "the metro operator", "the strike", "ticket prices"},
            {"Professor Haddad", "the space agency", "the launch company", "the cosmodrome", "the research council", "the satellite", "the rocket"},
    };

    private static final String[] FRAMES = {
            "%1$s said on %d that %3$s would review %6$s before the end of the month.",
            "Speaking in %4$s, %2$s warned that %7$s could not be ignored any longer.",
            "%3$s has not commented on the report, which was first published by a local newspaper.",
            "According to officials, %5$s met %1$s twice last week to discuss %6$s.",
            "%2$s told reporters that the plan for %7$s had the support of %3$s.",
            "Critics argue that %5$s acted too slowly and that %6$s was foreseeable.",
            "The decision comes after months of pressure on %1$s over %7$s.",
            "In a statement released on %d, %3$s promised to publish new figures on %6$s.",
            "Analysts in %4$s expect %7$s to dominate the debate in the coming weeks.",
            "%1$s and %2$s are due to meet again in %4$s on %d.",
            "Residents interviewed on %d said they were worried about %6$s and %7$s.",
            "A spokesperson for %5$s declined to give details, citing ongoing talks.",
            "Figures released by %3$s show a sharp change compared with the same period last year.",
            "%2$s described the talks with %5$s as difficult but constructive.",
            "The opposition accused %1$s of using %6$s to distract from %7$s.",
            "Officials in %4$s said more information would follow after the meeting on %d.",
            "Several experts questioned whether %3$s had the means to deal with %6$s.",
            "The last time %5$s faced a similar situation, it took almost a year to recover.",
    };

    private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    private static final String[] FILLER = {"officials", "however", "meanwhile", "reportedly", "again", "still", "also", "later",
            "sources", "local", "new", "major", "several", "recent", "further", "public"};

    private final Random random;

    public SyntheticArticles(long seed) {
        this.random = new Random(seed);
    }

    public static int topics() {
        return TOPICS.length;
    }

    /** An article of about {@code chars} characters on {@code topic}, paragraphs separated by blank lines. */
    public String article(int topic, int chars) {
        StringBuilder text = new StringBuilder();
        while (text.length() < chars) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            int sentences = 2 + random.nextInt(3);
            for (int s = 0; s < sentences; s++) {
                if (s > 0) {
                    text.append(' ');
                }
                text.append(sentence(topic));
            }
        }
        return text.toString();
    }

    private String sentence(int topic) {
        String[] t = TOPICS[topic];
        String frame = FRAMES[random.nextInt(FRAMES.length)].replace("%d", DAYS[random.nextInt(DAYS.length)]);
        String s = String.format(frame, (Object[]) t);
        s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        // A number and a filler word vary otherwise identical frames, as real reporting does.
        return s.substring(0, s.length() - 1) + ", " + FILLER[random.nextInt(FILLER.length)] + " " + (2 + random.nextInt(997)) + " said.";
    }

    // --- edits that keep an article the same story ---

    /** Replaces, deletes or inserts about {@code share} of the words. */
    public String editWords(String text, double share) {
        String[] words = text.split(" ");
        StringBuilder out = new StringBuilder();
        for (String word : words) {
            double roll = random.nextDouble();
            if (roll < share / 3) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            if (roll < 2 * share / 3) {
                out.append(FILLER[random.nextInt(FILLER.length)]).append(word.endsWith("\n\n") ? "\n\n" : "");
            } else {
                out.append(word);
                if (roll < share) {
                    out.append(' ').append(FILLER[random.nextInt(FILLER.length)]);
                }
            }
        }
        return out.toString();
    }

    /** Keeps the first {@code keep} share of the paragraphs (at least one). */
    public String truncate(String text, double keep) {
        List<String> paragraphs = List.of(text.split("\n\n"));
        int kept = Math.max(1, (int) Math.round(paragraphs.size() * keep));
        return String.join("\n\n", paragraphs.subList(0, kept));
    }

    public String reorderParagraphs(String text) {
        List<String> paragraphs = new ArrayList<>(List.of(text.split("\n\n")));
        Collections.shuffle(paragraphs, random);
        return String.join("\n\n", paragraphs);
    }

    /** A site's tail: teasers for other stories (headline twice, with tags) and a credit line. */
    public String addBoilerplate(String text) {
        StringBuilder tail = new StringBuilder(text);
        for (int i = 0; i < 3; i++) {
            int other = random.nextInt(TOPICS.length);
            String headline = TOPICS[other][0] + " and " + TOPICS[other][2] + " at odds over " + TOPICS[other][5]
                    + " | " + TOPICS[other][3] + " | " + TOPICS[other][6];
            tail.append("\n\n").append(headline).append('\n').append(headline).append("\n\n").append(sentence(other));
        }
        return tail.append("\n\nThe author is a correspondent based in ").append(TOPICS[random.nextInt(TOPICS.length)][3]).append('.').toString();
    }

    /** Another outlet's header lines: dateline, byline, update time. */
    public String changeHeaders(String text) {
        String place = TOPICS[random.nextInt(TOPICS.length)][3];
        return "By Staff Reporter | Updated " + (1 + random.nextInt(12)) + ":" + (10 + random.nextInt(50)) + " GMT\n"
                + place.toUpperCase() + " (Newswire) -\n\n" + text;
    }
}
