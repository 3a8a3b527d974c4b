package io.newsflow.ingest.watch;

import io.newsflow.ingest.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Exactly one replica takes each file. A replica claims a file by renaming it into its own folder
 * {@code inbox/.claims/<instance>/}: a rename within one filesystem is atomic, so when several
 * replicas race for a file, one rename succeeds and the others find nothing to move. A replica
 * touches its heartbeat while it lives; claims whose heartbeat is older than the claim timeout
 * belonged to a replica that died, and any replica moves them back into the inbox.
 */
@ApplicationScoped
public class InboxClaims {

    private static final Logger LOG = Logger.getLogger(InboxClaims.class);
    static final String CLAIMS = ".claims";
    private static final String HEARTBEAT = ".heartbeat";

    private final Path inbox;
    private final Path claims;
    private final Path mine;
    private final Clock clock;
    private final Duration timeout;

    @Inject
    public InboxClaims(InboxFolders folders, IngestConfig config, Clock clock) {
        this(folders.inbox(), config.instanceId().orElseGet(() -> UUID.randomUUID().toString()), config.inbox().claimTimeout(), clock);
    }

    InboxClaims(Path inbox, String instanceId, Duration timeout, Clock clock) {
        this.inbox = inbox;
        this.claims = inbox.resolve(CLAIMS);
        this.mine = claims.resolve(instanceId);
        this.clock = clock;
        this.timeout = timeout;
        try {
            // A new process has nothing in flight: whatever its folder holds (NEWSFLOW_INSTANCE_ID kept
            // across a crash) was left by its predecessor and goes back to the inbox now.
            if (Files.isDirectory(mine)) {
                moveBack(mine);
            }
            Files.createDirectories(mine);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the claim folder " + mine, e);
        }
        heartbeat();
    }

    /** The file, moved into this replica's claim folder; empty when another replica was first. */
    public Optional<Path> claim(Path inboxFile) throws IOException {
        Path target = mine.resolve(inbox.relativize(inboxFile));
        Files.createDirectories(target.getParent());
        try {
            return Optional.of(Files.move(inboxFile, target, StandardCopyOption.ATOMIC_MOVE));
        } catch (NoSuchFileException taken) {
            return Optional.empty();
        }
    }

    /** Where a claimed file stood in the inbox: its name in events and in processed/ and failed/. */
    public Path inboxPath(Path claimed) {
        return inbox.resolve(mine.relativize(claimed));
    }

    /** Back into the inbox, to be tried again later (never over a newer file of the same name). */
    public Path release(Path claimed) throws IOException {
        return InboxFolders.moveUnique(claimed, inboxPath(claimed));
    }

    public void heartbeat() {
        try {
            Path beat = mine.resolve(HEARTBEAT);
            if (!Files.exists(beat)) {
                Files.createFile(beat);
            }
            Files.setLastModifiedTime(beat, FileTime.from(clock.instant()));
        } catch (IOException e) {
            LOG.warnf("cannot touch the claim heartbeat in %s: %s", mine, e.toString());
        }
    }

    /** Moves back the files of replicas whose heartbeat stopped; returns how many. */
    public int recoverAbandoned() {
        Instant cutoff = clock.instant().minus(timeout);
        int recovered = 0;
        try (DirectoryStream<Path> replicas = Files.newDirectoryStream(claims, Files::isDirectory)) {
            for (Path replica : replicas) {
                if (replica.equals(mine) || !abandoned(replica, cutoff)) {
                    continue;
                }
                recovered += moveBack(replica);
            }
        } catch (IOException e) {
            LOG.warnf("cannot look for abandoned claims in %s: %s", claims, e.toString());
        }
        return recovered;
    }

    private static boolean abandoned(Path replica, Instant cutoff) throws IOException {
        Path beat = replica.resolve(HEARTBEAT);
        Instant last = Files.exists(beat) ? Files.getLastModifiedTime(beat).toInstant() : Files.getLastModifiedTime(replica).toInstant();
        return last.isBefore(cutoff);
    }

    private int moveBack(Path replica) throws IOException {
        List<Path> files = InboxFolders.regularFilesBelow(replica).stream().filter(p -> !p.getFileName().toString().equals(HEARTBEAT)).toList();
        int moved = 0;
        for (Path file : files) {
            try {
                InboxFolders.moveUnique(file, inbox.resolve(replica.relativize(file)));
                moved++;
            } catch (NoSuchFileException anotherReplicaWasFaster) {
                // recovered by someone else in the meantime
            }
        }
        LOG.infof("recovered %d file(s) claimed by the stopped replica %s", moved, replica.getFileName());
        // Only the emptied folders and the heartbeat go: a file that arrived meanwhile stays for the next round.
        Files.deleteIfExists(replica.resolve(HEARTBEAT));
        try (Stream<Path> walk = Files.walk(replica)) {
            walk.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).forEach(dir -> dir.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            LOG.debugf("claim folder %s not removed: %s", replica, e.toString());
        }
        return moved;
    }
}
