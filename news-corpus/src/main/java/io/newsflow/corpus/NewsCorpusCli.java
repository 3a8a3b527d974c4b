package io.newsflow.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a realistic batch by hand, e.g. into a running newsflow's inbox:
 * {@code java -jar news-corpus/target/news-corpus-*.jar --out data/inbox --count 500 --seed 1}
 * (from the repository root, so that {@code ../shared/eval-data} is found; or {@code --eval-data DIR}).
 */
public final class NewsCorpusCli {

    private NewsCorpusCli() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = options(args);
        Path out = Path.of(options.getOrDefault("--out", "data/inbox"));
        int count = Integer.parseInt(options.getOrDefault("--count", "100"));
        long seed = Long.parseLong(options.getOrDefault("--seed", "1"));
        NewsCorpus corpus = options.containsKey("--eval-data") ? NewsCorpus.load(Path.of(options.get("--eval-data")))
                : NewsCorpus.fromSharedEvalData().orElseThrow(() -> new IllegalStateException(
                        "../shared/eval-data not found next to the repository: run from the repository root or pass --eval-data DIR"));
        List<CorpusArticle> articles = corpus.generate(count, seed);
        write(articles, out);
        Map<String, Integer> languages = new TreeMap<>();
        long bytes = 0;
        for (CorpusArticle article : articles) {
            languages.merge(article.language(), 1, Integer::sum);
            bytes += article.bytes().length;
        }
        System.out.printf(Locale.ROOT, "wrote %d articles (mean %d bytes; %s) to %s%n", articles.size(),
                articles.isEmpty() ? 0 : bytes / articles.size(), languages, out.toAbsolutePath());
    }

    /**
     * Each file written under a temporary name that ingest ignores, then renamed: a watching
     * service never sees half a file.
     */
    public static void write(List<CorpusArticle> articles, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (CorpusArticle article : articles) {
            Path part = dir.resolve(article.fileName() + ".part");
            Files.write(part, article.bytes());
            Files.move(part, dir.resolve(article.fileName()), StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new TreeMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!List.of("--out", "--count", "--seed", "--eval-data").contains(args[i]) || i + 1 == args.length) {
                throw new IllegalArgumentException("usage: --out DIR --count N --seed S [--eval-data DIR]; not understood: " + args[i]);
            }
            options.put(args[i], args[++i]);
        }
        return options;
    }
}
