package io.newsflow.ingest.watch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InboxClaimsTest {

    @TempDir
    Path inbox;

    @Test
    void twoReplicasRacingFor2000FilesClaimEachExactlyOnce() throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            files.add(write(inbox.resolve("sub" + (i % 7)).resolve("f" + i + ".txt"), "body " + i));
        }
        InboxClaims a = new InboxClaims(inbox, "a", Duration.ofMinutes(2), Clock.systemUTC());
        InboxClaims b = new InboxClaims(inbox, "b", Duration.ofMinutes(2), Clock.systemUTC());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<List<Path>>> results = new ArrayList<>();
        for (InboxClaims replica : List.of(a, b)) {
            results.add(pool.submit(() -> {
                start.await();
                List<Path> mine = new ArrayList<>();
                List<Path> order = new ArrayList<>(files);
                Collections.shuffle(order);
                for (Path file : order) {
                    replica.claim(file).ifPresent(mine::add);
                }
                return mine;
            }));
        }
        start.countDown();
        List<Path> claimedByA = results.get(0).get();
        List<Path> claimedByB = results.get(1).get();
        pool.shutdown();

        assertEquals(2000, claimedByA.size() + claimedByB.size());
        Set<Path> originals = new HashSet<>();
        claimedByA.forEach(p -> originals.add(a.inboxPath(p)));
        claimedByB.forEach(p -> originals.add(b.inboxPath(p)));
        assertEquals(new HashSet<>(files), originals, "every file claimed, none twice");
        assertTrue(files.stream().noneMatch(Files::exists), "claimed files left the inbox");
    }

    @Test
    void aClaimLostToAnotherReplicaIsEmpty() throws IOException {
        Path file = Files.writeString(inbox.resolve("x.txt"), "x");
        InboxClaims a = new InboxClaims(inbox, "a", Duration.ofMinutes(2), Clock.systemUTC());
        InboxClaims b = new InboxClaims(inbox, "b", Duration.ofMinutes(2), Clock.systemUTC());
        assertTrue(a.claim(file).isPresent());
        assertEquals(Optional.empty(), b.claim(file));
    }

    @Test
    void releaseReturnsTheFileToItsPlaceWithoutOverwritingANewerOne() throws IOException {
        Path file = write(inbox.resolve("sub/x.txt"), "old");
        InboxClaims a = new InboxClaims(inbox, "a", Duration.ofMinutes(2), Clock.systemUTC());
        Path claimed = a.claim(file).orElseThrow();
        Files.writeString(file, "newer file, same name");
        Path released = a.release(claimed);
        assertEquals(inbox.resolve("sub/x-1.txt"), released);
        assertEquals("old", Files.readString(released));
        assertEquals("newer file, same name", Files.readString(file));
    }

    @Test
    void filesOfAReplicaWhoseHeartbeatStoppedAreMovedBackAndALiveOnesAreNot() throws IOException {
        Instant now = Instant.parse("2024-06-20T12:00:00Z");
        InboxClaims dead = new InboxClaims(inbox, "dead", Duration.ofMinutes(2), Clock.fixed(now.minusSeconds(600), java.time.ZoneOffset.UTC));
        InboxClaims alive = new InboxClaims(inbox, "alive", Duration.ofMinutes(2), Clock.fixed(now.minusSeconds(10), java.time.ZoneOffset.UTC));
        Path deadFile = dead.claim(write(inbox.resolve("a/dead.txt"), "d")).orElseThrow();
        Path aliveFile = alive.claim(Files.writeString(inbox.resolve("alive.txt"), "a")).orElseThrow();
        Files.setLastModifiedTime(deadFile.getParent(), FileTime.from(now.minusSeconds(600)));

        InboxClaims recoverer = new InboxClaims(inbox, "recoverer", Duration.ofMinutes(2), Clock.fixed(now, java.time.ZoneOffset.UTC));
        assertEquals(1, recoverer.recoverAbandoned());
        assertEquals("d", Files.readString(inbox.resolve("a/dead.txt")));
        assertTrue(Files.exists(aliveFile), "a live replica's claim stays");
        assertFalse(Files.exists(inbox.resolve(InboxClaims.CLAIMS).resolve("dead")), "the dead replica's folder is gone");
        try (Stream<Path> left = Files.walk(inbox.resolve(InboxClaims.CLAIMS))) {
            assertTrue(left.noneMatch(p -> p.toString().endsWith("dead.txt")));
        }
    }

    @Test
    void aRestartUnderTheSameInstanceIdTakesBackWhatItsPredecessorHadClaimed() throws IOException {
        InboxClaims crashed = new InboxClaims(inbox, "fixed-id", Duration.ofMinutes(2), Clock.systemUTC());
        crashed.claim(write(inbox.resolve("sub/left.txt"), "left behind"));
        new InboxClaims(inbox, "fixed-id", Duration.ofMinutes(2), Clock.systemUTC());
        assertEquals("left behind", Files.readString(inbox.resolve("sub/left.txt")));
        try (Stream<Path> claimed = Files.walk(inbox.resolve(InboxClaims.CLAIMS))) {
            assertTrue(claimed.noneMatch(p -> p.toString().endsWith("left.txt")));
        }
    }

    private static Path write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }
}
