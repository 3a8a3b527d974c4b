package io.newsflow.events;

import org.apache.kafka.common.serialization.Serializer;

/** Kafka value serializer for {@code articles.raw.v1}. */
public class ArticleRawV1Serializer implements Serializer<ArticleRawV1> {

    @Override
    public byte[] serialize(String topic, ArticleRawV1 event) {
        return event == null ? null : ArticleEventCodec.toJson(event);
    }
}
