package io.brighter.testing;

import io.brighter.Request;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on what a {@link SpyCommandProcessor} received; start with {@link
 * BrighterAssertions#assertThat(SpyCommandProcessor)}.
 *
 * {@snippet :
 * assertThat(commandProcessor)
 *     .sent(AddGreeting.class)
 *     .published(GreetingAdded.class)
 *     .didNotPublish(GreetingRemoved.class);
 * }
 */
public final class SpyCommandProcessorAssert
    extends AbstractAssert<SpyCommandProcessorAssert, SpyCommandProcessor> {

  SpyCommandProcessorAssert(SpyCommandProcessor actual) {
    super(actual, SpyCommandProcessorAssert.class);
  }

  /** At least one {@code type} was sent, synchronously or not. */
  public SpyCommandProcessorAssert sent(Class<? extends Request> type) {
    return received(type, RequestKind.SEND, RequestKind.SEND_ASYNC);
  }

  /** At least one {@code type} was published, synchronously or not. */
  public SpyCommandProcessorAssert published(Class<? extends Request> type) {
    return received(type, RequestKind.PUBLISH, RequestKind.PUBLISH_ASYNC);
  }

  /** No {@code type} was sent. */
  public SpyCommandProcessorAssert didNotSend(Class<? extends Request> type) {
    return notReceived(type, RequestKind.SEND, RequestKind.SEND_ASYNC);
  }

  /** No {@code type} was published. */
  public SpyCommandProcessorAssert didNotPublish(Class<? extends Request> type) {
    return notReceived(type, RequestKind.PUBLISH, RequestKind.PUBLISH_ASYNC);
  }

  /** Nothing at all was sent or published. */
  public SpyCommandProcessorAssert receivedNothing() {
    isNotNull();
    if (!actual.recorded().isEmpty()) {
      failWithMessage("Expected no requests but received %s", actual.summary());
    }
    return this;
  }

  private SpyCommandProcessorAssert received(
      Class<? extends Request> type, RequestKind kind, RequestKind asyncKind) {
    isNotNull();
    if (count(type, kind, asyncKind) == 0) {
      failWithMessage(
          "Expected a %s to be %s but received %s",
          type.getSimpleName(), verb(kind), actual.summary());
    }
    return this;
  }

  private SpyCommandProcessorAssert notReceived(
      Class<? extends Request> type, RequestKind kind, RequestKind asyncKind) {
    isNotNull();
    long count = count(type, kind, asyncKind);
    if (count > 0) {
      failWithMessage(
          "Expected no %s to be %s but %d were: %s",
          type.getSimpleName(), verb(kind), count, actual.summary());
    }
    return this;
  }

  private long count(Class<? extends Request> type, RequestKind kind, RequestKind asyncKind) {
    List<RecordedRequest> recorded = actual.recorded();
    return recorded.stream()
        .filter(r -> r.kind() == kind || r.kind() == asyncKind)
        .filter(r -> type.isInstance(r.request()))
        .count();
  }

  private static String verb(RequestKind kind) {
    return kind == RequestKind.SEND ? "sent" : "published";
  }
}
