package io.newsflow.enrich.store;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ArticleReceiptRepository implements PanacheRepositoryBase<ArticleReceipt, String> {
}
