package io.brighter.darker;

import io.brighter.handlers.SimpleHandlerFactory;
import java.util.function.Supplier;

/** Query processor builders with one handler of {@link FindGreeting}, made by a supplier. */
final class Processors {

  private Processors() {}

  static <H extends QueryHandler<FindGreeting, String>> QueryProcessor.Builder handling(
      Class<H> handler, Supplier<H> supplier) {
    return QueryProcessor.builder()
        .handlers(
            new QueryHandlerRegistry().register(FindGreeting.class, handler),
            new SimpleHandlerFactory().register(handler, supplier));
  }

  static <H extends QueryHandlerAsync<FindGreeting, String>> QueryProcessor.Builder handlingAsync(
      Class<H> handler, Supplier<H> supplier) {
    return QueryProcessor.builder()
        .handlers(
            new QueryHandlerRegistry().registerAsync(FindGreeting.class, handler),
            new SimpleHandlerFactory().register(handler, supplier));
  }
}
