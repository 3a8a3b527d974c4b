package io.newsflow.query.articles;

import java.util.List;

/**
 * A page of the newest-first list.
 *
 * @param nextCursor   the next (older) page, or null on the last one
 * @param latestCursor the newest article answered, for {@code since}: a poller sends it back to get only
 *                     what was stored after it (the {@code since} it sent when nothing new came)
 */
public record ArticlePage(List<ArticleSummary> items, String nextCursor, String latestCursor) {
}
