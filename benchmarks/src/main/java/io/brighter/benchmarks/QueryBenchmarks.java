package io.brighter.benchmarks;

import io.brighter.darker.Query;
import io.brighter.darker.QueryHandler;
import io.brighter.darker.QueryHandlerRegistry;
import io.brighter.darker.QueryProcessor;
import io.brighter.handlers.SimpleHandlerFactory;
import java.util.concurrent.TimeUnit;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** One query to one handler with no decorators: Darker's processor and Axon's query bus. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class QueryBenchmarks {

  /** The query executed. */
  public record FindGreeting(String name) implements Query<String> {}

  /** Answers at once. */
  public static final class FindGreetingHandler extends QueryHandler<FindGreeting, String> {
    @Override
    public String execute(FindGreeting query) {
      return query.name();
    }
  }

  private QueryProcessor queryProcessor;
  private SimpleQueryBus queryBus;
  private FindGreeting query;

  /** Wires both processors with one handler. */
  @Setup
  public void setUp() {
    queryProcessor =
        QueryProcessor.builder()
            .handlers(
                new QueryHandlerRegistry().register(FindGreeting.class, FindGreetingHandler.class),
                new SimpleHandlerFactory())
            .build();
    queryBus = SimpleQueryBus.builder().build();
    queryBus.subscribe(
        FindGreeting.class.getName(),
        String.class,
        message -> ((FindGreeting) message.getPayload()).name());
    query = new FindGreeting("Ada");
  }

  /** Darker: execute one query. */
  @Benchmark
  public String brighterExecute() {
    return queryProcessor.execute(query);
  }

  /** Axon: the same query through {@code SimpleQueryBus}, waiting for its answer. */
  @Benchmark
  public String axonExecute() {
    return queryBus
        .query(new GenericQueryMessage<>(query, ResponseTypes.instanceOf(String.class)))
        .join()
        .getPayload();
  }
}
