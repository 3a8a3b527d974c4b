package io.newsflow.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The running text of the evaluation sets, without their annotations: sentences as a reader would see them. */
public final class EvalText {

    private static final String UNER_TEXT = "# text = ";

    private EvalText() {
    }

    /**
     * The documents of a CoNLL file ({@code -DOCSTART-} between documents, a blank line between
     * sentences, the token in the first column), each a list of detokenized sentences; a document's
     * first sentence is its headline.
     */
    public static List<List<String>> conllDocuments(Path file) {
        List<List<String>> documents = new ArrayList<>();
        List<List<String>> sentences = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (String line : lines(file)) {
            boolean docStart = line.startsWith("-DOCSTART-");
            if (docStart || line.isBlank()) {
                addSentence(sentences, tokens);
                if (docStart) {
                    addDocument(documents, sentences);
                }
                continue;
            }
            int space = line.indexOf(' ');
            tokens.add(space < 0 ? line : line.substring(0, space));
        }
        addSentence(sentences, tokens);
        addDocument(documents, sentences);
        return documents;
    }

    /** A "sentence" that starts with closing punctuation was split off the one before it ("Jr." | ", 41, was"): joined back. */
    private static void addSentence(List<List<String>> sentences, List<String> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        if (!sentences.isEmpty() && Detokenizer.attachesToPrevious(tokens.get(0))) {
            sentences.get(sentences.size() - 1).addAll(tokens);
        } else {
            sentences.add(new ArrayList<>(tokens));
        }
        tokens.clear();
    }

    private static void addDocument(List<List<String>> documents, List<List<String>> sentences) {
        if (!sentences.isEmpty()) {
            documents.add(sentences.stream().map(Detokenizer::join).toList());
            sentences.clear();
        }
    }

    /** The raw sentences of a Universal NER file: its {@code # text =} lines. */
    public static List<String> unerSentences(Path file) {
        return lines(file).stream().filter(l -> l.startsWith(UNER_TEXT)).map(l -> l.substring(UNER_TEXT.length()).strip())
                .filter(l -> !l.isEmpty()).toList();
    }

    /** A file of one sentence a line (the langid sets), blank lines left out. */
    public static List<String> sentences(Path file) {
        return lines(file).stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
