package io.newsflow.ingest.watch;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;

/**
 * A walk over folders that other threads and replicas change while it runs (a {@code .part} renamed as it
 * completes, a file claimed or requeued): an entry gone before it is looked at is skipped. The root itself
 * missing, or any other failure, still ends the walk with its error.
 */
class VanishedFilesSkipped extends SimpleFileVisitor<Path> {

    private final Path root;

    VanishedFilesSkipped(Path root) {
        this.root = root;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
        if (e instanceof NoSuchFileException && !file.equals(root)) {
            return FileVisitResult.CONTINUE;
        }
        throw e;
    }
}
