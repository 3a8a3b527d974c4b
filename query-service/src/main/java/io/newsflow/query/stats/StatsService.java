package io.newsflow.query.stats;

import io.newsflow.query.pipeline.PipelineService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

@ApplicationScoped
public class StatsService {

    private final StatsRepository repository;
    private final PipelineService pipeline;

    public StatsService(StatsRepository repository, PipelineService pipeline) {
        this.repository = repository;
        this.pipeline = pipeline;
    }

    @Transactional
    public Stats current() {
        return repository.totals(pipeline.current());
    }
}
