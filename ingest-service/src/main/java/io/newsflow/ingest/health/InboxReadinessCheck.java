package io.newsflow.ingest.health;

import io.newsflow.ingest.watch.InboxFolders;
import io.newsflow.ingest.watch.InboxWatcher;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.nio.file.Files;

/** Ready while the inbox is writable and no file is stuck waiting for Kafka. */
@Readiness
@ApplicationScoped
public class InboxReadinessCheck implements HealthCheck {

    private final InboxFolders folders;
    private final InboxWatcher watcher;

    public InboxReadinessCheck(InboxFolders folders, InboxWatcher watcher) {
        this.folders = folders;
        this.watcher = watcher;
    }

    @Override
    public HealthCheckResponse call() {
        boolean writable = Files.isDirectory(folders.inbox()) && Files.isWritable(folders.inbox());
        int waiting = watcher.waitingForRetry();
        return HealthCheckResponse.named("inbox")
                .status(writable && waiting == 0)
                .withData("path", folders.inbox().toString())
                .withData("writable", writable)
                .withData("filesWaitingForRetry", waiting)
                .build();
    }
}
