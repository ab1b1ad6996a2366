package io.brighter.darker;

import io.brighter.darker.logging.QueryLoggingDecorator;
import io.brighter.darker.logging.QueryLoggingDecoratorAsync;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Logs each execution through SLF4J: the query type and handler on the way in, the elapsed time or
 * the failure on the way out. The query itself is logged only at DEBUG, because it may hold
 * personal data. The logger is {@code io.brighter.darker.logging.QueryLoggingDecorator}.
 *
 * {@snippet :
 * @Override
 * @QueryLogging(step = 1)
 * public Greeting execute(FindGreeting query) { ... }
 * }
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@QueryMiddleware(
    decorator = QueryLoggingDecorator.class,
    asyncDecorator = QueryLoggingDecoratorAsync.class)
public @interface QueryLogging {

  /** Position in the pipeline: lower runs first. */
  int step();
}
