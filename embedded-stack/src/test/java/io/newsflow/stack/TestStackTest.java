package io.newsflow.stack;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stack every integration test stands on: a broker that acknowledges and delivers, a database with its roles. */
class TestStackTest {

    private final TestStack stack = TestStack.get();

    @Test
    void brokerAcknowledgesAndDeliversWithAnIdempotentProducer() throws Exception {
        String topic = "stack-check";
        Map<String, Object> producerConfig = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
            RecordMetadata ack = producer.send(new ProducerRecord<>(topic, "k", "hello")).get(60, TimeUnit.SECONDS);
            assertEquals(topic, ack.topic());
            assertTrue(ack.offset() >= 0);
        }
        Map<String, Object> consumerConfig = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "stack-check",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> seen = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (seen.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
            }
            assertEquals(1, seen.size());
            assertEquals("k", seen.get(0).key());
            assertEquals("hello", seen.get(0).value());
        }
    }

    @Test
    void ownerWritesAndReaderOnlyReads() throws SQLException {
        DatabaseAccess access = stack.access();
        try (Connection owner = DriverManager.getConnection(stack.jdbcUrl(), access.ownerUser(), access.ownerPassword());
             Statement s = owner.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS stack_check (id int PRIMARY KEY)");
            s.execute("INSERT INTO stack_check VALUES (1) ON CONFLICT DO NOTHING");
        }
        try (Connection reader = DriverManager.getConnection(stack.jdbcUrl(), access.readerUser(), access.readerPassword());
             Statement s = reader.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM stack_check")) {
                rs.next();
                assertEquals(1, rs.getInt(1));
            }
            SQLException denied = assertThrows(SQLException.class, () -> s.execute("INSERT INTO stack_check VALUES (2)"));
            assertEquals("42501", denied.getSQLState(), "insufficient_privilege");
        }
    }

    @Test
    @SuppressWarnings("resource") // the server is stopped by what is under test, not by the test
    void theStackOfATestJvmThatDiedIsStoppedAndRemovedWhileALiveOnesIsLeftAlone(@TempDir Path tmp) throws Exception {
        Path abandoned = Files.createDirectories(tmp.resolve(TestStack.DIR_PREFIX + "1"));
        PostgresServer.start(abandoned.resolve("postgres"), Ports.free(), DatabaseAccess.local(), false);
        ProcessHandle postmaster = PostgresServer.postmaster(abandoned.resolve("postgres")).orElseThrow();
        Process deadJvm = new ProcessBuilder("true").start();
        deadJvm.waitFor();
        Files.writeString(abandoned.resolve(TestStack.OWNER_FILE), Long.toString(deadJvm.pid()));
        Path live = Files.createDirectories(tmp.resolve(TestStack.DIR_PREFIX + "2"));
        Files.writeString(live.resolve(TestStack.OWNER_FILE), Long.toString(ProcessHandle.current().pid()));
        Path beingCreated = Files.createDirectories(tmp.resolve(TestStack.DIR_PREFIX + "3"));
        List<String> said = new ArrayList<>();

        TestStack.stopAbandoned(tmp, said::add);

        postmaster.onExit().get(30, TimeUnit.SECONDS);
        assertFalse(postmaster.isAlive());
        assertFalse(Files.exists(abandoned));
        assertTrue(Files.exists(live.resolve(TestStack.OWNER_FILE)));
        assertTrue(Files.exists(beingCreated));
        assertEquals(1, said.size(), said.toString());
        assertTrue(said.get(0).contains("PostgreSQL (pid " + postmaster.pid() + ")"), said.get(0));
    }
}
