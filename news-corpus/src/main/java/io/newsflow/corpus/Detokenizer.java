package io.newsflow.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Tokens of a tokenized corpus (CoNLL: {@code U.S. officials said n't , "} …) joined back into text as a
 * newspaper prints it: no space before closing punctuation and clitics, none after opening brackets,
 * straight double quotes attached to the words they enclose.
 */
public final class Detokenizer {

    private static final Set<String> NO_SPACE_BEFORE = Set.of(",", ".", ";", ":", "!", "?", "%", ")", "]", "}", "...",
            "'s", "'S", "n't", "N'T", "'re", "'ve", "'ll", "'d", "'m", "'");
    private static final Set<String> NO_SPACE_AFTER = Set.of("(", "[", "{", "$");

    private Detokenizer() {
    }

    /** One sentence: quotes are paired within it. */
    public static String join(List<String> tokens) {
        StringBuilder text = new StringBuilder();
        boolean quoteOpen = false;
        boolean glueNext = true;
        for (String token : mergeDoubledQuotes(tokens)) {
            boolean glue;
            if ("\"".equals(token)) {
                // An opening quote sticks to the word after it, a closing one to the word before it.
                glue = glueNext || quoteOpen;
                glueNext = !quoteOpen;
                quoteOpen = !quoteOpen;
            } else {
                glue = glueNext || NO_SPACE_BEFORE.contains(token);
                glueNext = NO_SPACE_AFTER.contains(token);
            }
            if (!glue) {
                text.append(' ');
            }
            text.append(token);
        }
        return text.toString();
    }

    /** Closing punctuation and clitics: written without a space before. */
    static boolean attachesToPrevious(String token) {
        return NO_SPACE_BEFORE.contains(token);
    }

    /** Reuters' {@code ''} comes as two {@code '} tokens: one double quote. */
    private static List<String> mergeDoubledQuotes(List<String> tokens) {
        List<String> merged = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            boolean doubled = "'".equals(tokens.get(i)) && i + 1 < tokens.size() && "'".equals(tokens.get(i + 1));
            merged.add(doubled ? "\"" : tokens.get(i));
            i += doubled ? 1 : 0;
        }
        return merged;
    }
}
