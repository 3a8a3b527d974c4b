package io.newsflow.ingest.support;

import io.newsflow.stack.StackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the tests that drive the running service: the shared broker (ingest has no database),
 * a fresh data root, and a reader of {@code articles.raw.v1} opened before each test.
 */
@QuarkusTestResource(value = StackTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "role", value = "none"))
@QuarkusTestResource(value = FreshDataDirResource.class, restrictToAnnotatedClass = false)
public abstract class RunningIngestTest {

    protected final Inbox inbox = new Inbox();
    protected RawTopic topic;

    @BeforeEach
    void openTopic() {
        topic = new RawTopic();
    }

    @AfterEach
    void closeTopic() {
        topic.close();
    }
}
