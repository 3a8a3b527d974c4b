#!/usr/bin/env bash
# Creates newsflow's topics, or grows them to NEWSFLOW_PARTITIONS (Kafka can add partitions, never
# remove them). Idempotent: runs on every `docker compose up` and exits 0 once the topics are right.
# Partitions bound how many enrich replicas do work at once: one consumer per partition.
set -euo pipefail

bootstrap="${KAFKA_BOOTSTRAP_SERVERS:?}"
partitions="${NEWSFLOW_PARTITIONS:?}"
replication="${NEWSFLOW_REPLICATION_FACTOR:-1}"
topics_cmd=(/opt/kafka/bin/kafka-topics.sh --bootstrap-server "$bootstrap")
if [ -n "${KAFKA_CLIENT_CONFIG:-}" ]; then
  topics_cmd+=(--command-config "$KAFKA_CLIENT_CONFIG")
fi

ensure_topic() {
  local topic="$1" current
  "${topics_cmd[@]}" --create --if-not-exists --topic "$topic" \
    --partitions "$partitions" --replication-factor "$replication"
  current="$("${topics_cmd[@]}" --describe --topic "$topic" | grep -c 'Partition: ' || true)"
  if [ "$current" -lt "$partitions" ]; then
    echo "growing $topic from $current to $partitions partitions"
    "${topics_cmd[@]}" --alter --topic "$topic" --partitions "$partitions"
  fi
  echo "$topic: $("${topics_cmd[@]}" --describe --topic "$topic" | grep -c 'Partition: ') partitions"
}

ensure_topic "${NEWSFLOW_TOPIC_RAW:?}"
ensure_topic "${NEWSFLOW_TOPIC_RAW_DLQ:?}"
