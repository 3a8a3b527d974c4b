package io.newsflow.ingest.watch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Walks over folders whose files other threads move meanwhile, as requeues, claims and uploads do. */
class VanishedFilesSkippedTest {

    @Test
    void filesRenamedAndDeletedDuringTheWalkAreSkippedNotAnError(@TempDir Path root) throws Exception {
        Path busy = Files.createDirectories(root.resolve("a/b"));
        for (int i = 0; i < 200; i++) {
            Files.writeString(busy.resolve(i + ".txt.part"), "x");
        }
        Files.writeString(root.resolve("stays.txt"), "x");
        AtomicBoolean done = new AtomicBoolean();
        Thread mover = new Thread(() -> {
            // Each file goes from .part to its name and back, and sometimes away for a moment: what a walk meets.
            while (!done.get()) {
                for (int i = 0; i < 200 && !done.get(); i++) {
                    Path part = busy.resolve(i + ".txt.part");
                    Path whole = busy.resolve(i + ".txt");
                    try {
                        Files.move(part, whole);
                        Files.delete(whole);
                        Files.writeString(part, "x");
                    } catch (IOException ignored) {
                        // the test thread only reads
                    }
                }
            }
        });
        mover.start();
        try {
            for (int walk = 0; walk < 300; walk++) {
                List<Path> files = InboxFolders.regularFilesBelow(root);
                assertTrue(files.contains(root.resolve("stays.txt")), "walk " + walk + ": " + files.size());
                assertTrue(files.stream().allMatch(f -> f.startsWith(root)));
            }
        } finally {
            done.set(true);
            mover.join();
        }
    }

    @Test
    void aMissingRootIsStillAnError(@TempDir Path dir) {
        assertThrows(NoSuchFileException.class, () -> InboxFolders.regularFilesBelow(dir.resolve("gone")));
    }

    @Test
    void linksAreNotFollowedAndOnlyRegularFilesAreListed(@TempDir Path root) throws IOException {
        Path file = Files.writeString(Files.createDirectories(root.resolve("sub")).resolve("a.txt"), "x");
        Files.createSymbolicLink(root.resolve("link.txt"), file);
        Files.createSymbolicLink(root.resolve("linked-folder"), root.resolve("sub"));
        assertEquals(List.of(file), InboxFolders.regularFilesBelow(root));
    }
}
