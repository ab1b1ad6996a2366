package io.brighter.testing;

import static io.brighter.testing.BrighterAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighter.Command;
import io.brighter.CommandProcessor;
import io.brighter.Event;
import io.brighter.Id;
import io.brighter.handlers.RequestHandler;
import io.brighter.handlers.SimpleHandlerFactory;
import io.brighter.handlers.SubscriberRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class SpyCommandProcessorTest {

  record AddGreeting(Id id, String name) implements Command {}

  record GreetingAdded(Id id, String name) implements Event {}

  static final List<String> HANDLED = new CopyOnWriteArrayList<>();

  static final class AddGreetingHandler extends RequestHandler<AddGreeting> {
    @Override
    public AddGreeting handle(AddGreeting command) {
      HANDLED.add(command.name());
      return super.handle(command);
    }
  }

  @Test
  void records_what_was_sent_and_published_in_order() {
    // given
    SpyCommandProcessor spy = new SpyCommandProcessor();
    AddGreeting command = new AddGreeting(Id.random(), "Ada");

    // when
    spy.send(command);
    spy.publishAsync(new GreetingAdded(Id.random(), "Ada")).join();

    // then
    assertThat(spy.recorded())
        .extracting(RecordedRequest::kind)
        .containsExactly(RequestKind.SEND, RequestKind.PUBLISH_ASYNC);
    assertThat(spy.observe(AddGreeting.class)).isSameAs(command);
    assertThat(spy).sent(AddGreeting.class).published(GreetingAdded.class);
  }

  @Test
  void records_scheduled_calls_with_their_delay_or_time_and_job_id() {
    // given
    SpyCommandProcessor spy = new SpyCommandProcessor();
    AddGreeting command = new AddGreeting(Id.random(), "Ada");
    Instant at = Instant.parse("2026-01-01T00:05:00Z");

    // when
    Id sendJob = spy.send(Duration.ofMinutes(5), command);
    Id publishJob = spy.publish(at, new GreetingAdded(Id.random(), "Ada"));
    spy.post(Duration.ZERO, command);

    // then
    assertThat(spy.scheduled())
        .extracting(ScheduledRequest::kind)
        .containsExactly(
            RequestKind.SCHEDULED_SEND, RequestKind.SCHEDULED_PUBLISH, RequestKind.SCHEDULED_POST);
    ScheduledRequest send = spy.scheduled().getFirst();
    assertThat(send.request()).isSameAs(command);
    assertThat(send.delay()).isEqualTo(Duration.ofMinutes(5));
    assertThat(send.at()).isNull();
    assertThat(send.jobId()).isEqualTo(sendJob);
    assertThat(spy.scheduled().get(1).at()).isEqualTo(at);
    assertThat(spy.scheduled().get(1).jobId()).isEqualTo(publishJob);
    assertThat(spy.requests(RequestKind.SCHEDULED_SEND)).containsExactly(command);
    assertThat(spy).didNotSend(AddGreeting.class);
  }

  @Test
  void assertions_fail_with_what_was_received() {
    // given
    SpyCommandProcessor spy = new SpyCommandProcessor();
    spy.publish(new GreetingAdded(Id.random(), "Ada"));

    // when / then
    assertThatThrownBy(() -> assertThat(spy).sent(AddGreeting.class))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected a AddGreeting to be sent")
        .hasMessageContaining("PUBLISH GreetingAdded");
    assertThatThrownBy(() -> assertThat(spy).didNotPublish(GreetingAdded.class))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> assertThat(spy).receivedNothing()).isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> spy.observe(AddGreeting.class))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("No AddGreeting");
  }

  @Test
  void passes_calls_on_to_a_real_processor_when_given_one() {
    // given
    HANDLED.clear();
    CommandProcessor real =
        CommandProcessor.builder()
            .handlers(
                new SubscriberRegistry().register(AddGreeting.class, AddGreetingHandler.class),
                new SimpleHandlerFactory())
            .build();
    SpyCommandProcessor spy = new SpyCommandProcessor(real);

    // when
    spy.send(new AddGreeting(Id.random(), "Grace"));

    // then
    assertThat(HANDLED).containsExactly("Grace");
    assertThat(spy).sent(AddGreeting.class).didNotSend(GreetingAdded.class);
  }

  @Test
  void reset_forgets_everything() {
    SpyCommandProcessor spy = new SpyCommandProcessor();
    spy.send(new AddGreeting(Id.random(), "Ada"));

    spy.reset();

    assertThat(spy).receivedNothing();
  }
}
