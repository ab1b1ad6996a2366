package io.brighter.darker;

import static java.util.Objects.requireNonNull;

import io.brighter.ConfigurationException;
import io.brighter.resilience.ResiliencePipelineRegistry;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/** The {@link QueryProcessor} that runs handler pipelines in process. */
final class PipelineQueryProcessor implements QueryProcessor {

  private final QueryHandlerRegistry registry;
  private final QueryPipelines pipelines;
  private final @Nullable ResiliencePipelineRegistry resilience;

  private PipelineQueryProcessor(
      QueryHandlerRegistry registry,
      QueryPipelines pipelines,
      @Nullable ResiliencePipelineRegistry resilience) {
    this.registry = registry;
    this.pipelines = pipelines;
    this.resilience = resilience;
  }

  static PipelineQueryProcessor of(Builder builder) {
    if (builder.registry == null) {
      throw new ConfigurationException(
          "QueryProcessor.builder().handlers(registry, ...) may not be null");
    }
    if (builder.handlerFactory == null) {
      throw new ConfigurationException(
          "QueryProcessor.builder().handlers(..., handlerFactory) may not be null");
    }
    QueryHandlerRegistry registry = builder.registry;
    for (Class<?> queryType : registry.queryTypes()) {
      registry
          .handlerFor(queryType)
          .ifPresent(handler -> QueryPipelines.validate(handler, false, builder.resilience));
      registry
          .asyncHandlerFor(queryType)
          .ifPresent(handler -> QueryPipelines.validate(handler, true, builder.resilience));
    }
    return new PipelineQueryProcessor(
        registry, new QueryPipelines(builder.handlerFactory), builder.resilience);
  }

  @Override
  public <R> R execute(Query<R> query) {
    return execute(query, new QueryContext(resilience));
  }

  @Override
  public <R> R execute(Query<R> query, QueryContext context) {
    requireNonNull(query, "query must not be null");
    requireNonNull(context, "context must not be null");
    Class<?> handler = registry.find(query.getClass(), false);
    if (handler == null) {
      throw noHandler(query.getClass(), false);
    }
    return pipelines.run(handler, query, context.withDefault(resilience));
  }

  @Override
  public <R> CompletableFuture<R> executeAsync(Query<R> query) {
    return executeAsync(query, new QueryContext(resilience));
  }

  @Override
  public <R> CompletableFuture<R> executeAsync(Query<R> query, QueryContext context) {
    requireNonNull(query, "query must not be null");
    requireNonNull(context, "context must not be null");
    Class<?> handler = registry.find(query.getClass(), true);
    if (handler == null) {
      return CompletableFuture.failedFuture(noHandler(query.getClass(), true));
    }
    return pipelines.runAsync(handler, query, context.withDefault(resilience));
  }

  private ConfigurationException noHandler(Class<?> queryType, boolean async) {
    boolean otherFlavour = registry.find(queryType, !async) != null;
    String hint;
    if (otherFlavour) {
      hint =
          async
              ? "; a synchronous handler is registered: use execute"
              : "; an asynchronous handler is registered: use executeAsync";
    } else {
      hint = "; register one with QueryHandlerRegistry." + (async ? "registerAsync" : "register");
    }
    return new ConfigurationException(
        "No "
            + (async ? "asynchronous" : "synchronous")
            + " handler is registered for query "
            + queryType.getName()
            + hint);
  }
}
