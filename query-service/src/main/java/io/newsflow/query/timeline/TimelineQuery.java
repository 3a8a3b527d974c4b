package io.newsflow.query.timeline;

import io.newsflow.query.filter.ArticleFilter;
import io.newsflow.query.filter.Dimension;

/**
 * A timeline request.
 *
 * @param interval null for automatic
 * @param groupBy  null for one ungrouped series
 * @param limit    how many series at most when grouped
 */
record TimelineQuery(ArticleFilter filter, Interval interval, Dimension groupBy, int limit) {
}
