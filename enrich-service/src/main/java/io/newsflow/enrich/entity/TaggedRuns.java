package io.newsflow.enrich.entity;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;

import java.util.ArrayList;
import java.util.List;

/** The names in a sentence a CoreNLP CRF tagged: runs of tokens with one tag (CoreNLP's CRFs tag IO, not BIO). */
final class TaggedRuns {

    private TaggedRuns() {
    }

    /** @param offset where the tokens' sentence starts in {@code text} */
    static List<Mention> mentions(String text, int offset, List<CoreLabel> tokens, List<CoreLabel> tagged) {
        List<Mention> mentions = new ArrayList<>();
        int first = 0;
        for (int i = 1; i <= tokens.size(); i++) {
            String tag = tagged.get(first).get(CoreAnnotations.AnswerAnnotation.class);
            if (i < tokens.size() && tag.equals(tagged.get(i).get(CoreAnnotations.AnswerAnnotation.class))) {
                continue;
            }
            EntityType type = EntityType.fromTag(tag);
            if (type != null) {
                int start = offset + tokens.get(first).beginPosition();
                int end = offset + tokens.get(i - 1).endPosition();
                mentions.add(new Mention(start, end, text.substring(start, end), type));
            }
            first = i;
        }
        return mentions;
    }
}
