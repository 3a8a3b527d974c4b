package io.newsflow.query;

import java.time.Instant;

import static io.newsflow.query.StoredArticles.article;
import static io.newsflow.query.StoredArticles.idOf;

/**
 * Five enriched articles with themes, entities and one near-duplicate cluster, written as the
 * schema owner. Event times (publication) and expected counts:
 * <pre>
 *  a1 2024-06-20T10:05Z en Wire   ARMEDCONFLICT 5, SANCTIONS 2   kim-jong-un x3, pyongyang x1
 *  a2 2024-06-20T10:40Z en Yonhap ARMEDCONFLICT 3                kim-jong-un x1, un x2          canonical of a5
 *  a3 2024-06-20T12:10Z ko Yonhap SANCTIONS 4                    pyongyang x2, kim-jong-un x1
 *  a4 2024-06-21T09:00Z de Wire   -                              un x1
 *  a5 2024-06-20T10:41Z en Wire   ARMEDCONFLICT 3                kim-jong-un x1, un x1          near-duplicate of a2 (0.93)
 * </pre>
 */
public final class Newsroom {

    public static final String A1 = idOf("a1");
    public static final String A2 = idOf("a2");
    public static final String A3 = idOf("a3");
    public static final String A4 = idOf("a4");
    public static final String A5 = idOf("a5");
    public static final String KIM = "person/kim-jong-un";
    public static final String PYONGYANG = "location/pyongyang";
    public static final String UN = "organization/united-nations";
    public static final Instant CLUSTER_UPDATED = Instant.parse("2024-06-21T10:00:00Z");

    private Newsroom() {
    }

    /** Stores the five articles; returns the near-duplicate cluster's id. */
    public static long store() {
        Instant stored = Instant.parse("2024-06-22T00:00:00Z");
        StoredArticles.store(
                article("a1", "Shelling", "one", stored).publishedAt(Instant.parse("2024-06-20T10:05:00Z")),
                article("a2", "Talks", "two", stored).publishedAt(Instant.parse("2024-06-20T10:40:00Z")).source("Yonhap"),
                article("a3", "제재", "three", stored).publishedAt(Instant.parse("2024-06-20T12:10:00Z")).source("Yonhap")
                        .language("ko"),
                article("a4", "UN", "four", stored).publishedAt(Instant.parse("2024-06-21T09:00:00Z")).language("de"),
                article("a5", "Talks again", "five", stored).publishedAt(Instant.parse("2024-06-20T10:41:00Z")));
        StoredArticles.entity(KIM, "PERSON", "Kim Jong Un");
        StoredArticles.entity(PYONGYANG, "LOCATION", "Pyongyang");
        StoredArticles.entity(UN, "ORGANIZATION", "United Nations");
        StoredArticles.mention(A1, KIM, 3);
        StoredArticles.mention(A1, PYONGYANG, 1);
        StoredArticles.mention(A2, KIM, 1);
        StoredArticles.mention(A2, UN, 2);
        StoredArticles.mention(A3, PYONGYANG, 2);
        StoredArticles.mention(A3, KIM, 1);
        StoredArticles.mention(A4, UN, 1);
        StoredArticles.mention(A5, KIM, 1);
        StoredArticles.mention(A5, UN, 1);
        StoredArticles.theme(A1, "ARMEDCONFLICT", 5);
        StoredArticles.theme(A1, "SANCTIONS", 2);
        StoredArticles.theme(A2, "ARMEDCONFLICT", 3);
        StoredArticles.theme(A3, "SANCTIONS", 4);
        StoredArticles.theme(A5, "ARMEDCONFLICT", 3);
        StoredArticles.nearDuplicate(A2, A5, 0.93);
        return StoredArticles.cluster(A2, CLUSTER_UPDATED, A2, 0.93, A5, 0.93);
    }
}
