package io.brighter.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighter.Command;
import io.brighter.ConfigurationException;
import io.brighter.Id;
import io.brighter.RequestContext;
import io.brighter.handlers.ConfiguredBy;
import io.brighter.messaging.Requests.Report;
import io.brighter.messaging.transforms.Compress;
import io.brighter.messaging.transforms.MessageTransform;
import io.brighter.messaging.transforms.Transform;
import io.brighter.messaging.transforms.UnwrapWith;
import io.brighter.messaging.transforms.WrapWith;
import java.lang.annotation.Annotation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MessagePipelineTest {

  record Traced(Id id, String trail) implements Command {}

  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @Repeatable(Stamps.class)
  @Transform(value = StampTransform.class, direction = Transform.Direction.WRAP)
  @interface Stamp {
    int step();

    String label();
  }

  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @interface Stamps {
    Stamp[] value();
  }

  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @Repeatable(StampsIn.class)
  @Transform(value = StampTransform.class, direction = Transform.Direction.UNWRAP)
  @interface StampIn {
    int step();

    String label();
  }

  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @interface StampsIn {
    StampIn[] value();
  }

  /** Appends its annotation's label to the body, which records the order transforms ran in. */
  static final class StampTransform implements MessageTransform, ConfiguredBy<Annotation> {
    private String label = "";

    @Override
    public void configure(Annotation annotation, Class<?> mapper) {
      label = annotation instanceof Stamp stamp ? stamp.label() : ((StampIn) annotation).label();
    }

    @Override
    public Message wrap(Message message, Publication publication) {
      return append(message, label);
    }

    @Override
    public Message unwrap(Message message) {
      return append(message, label);
    }
  }

  /** A transform without parameters, applied through {@code @WrapWith}/{@code @UnwrapWith}. */
  static final class MarkTransform implements MessageTransform {
    @Override
    public Message wrap(Message message, Publication publication) {
      return append(message, "mark");
    }

    @Override
    public Message unwrap(Message message) {
      return append(message, "mark");
    }
  }

  static Message append(Message message, String label) {
    return message.withBody(MessageBody.of(message.body().text() + "," + label, "text/plain"));
  }

  static final class TracedMapper implements MessageMapper<Traced> {
    @Override
    @Stamp(step = 2, label = "b")
    @WrapWith(step = 3, transform = MarkTransform.class)
    @Stamp(step = 1, label = "a")
    public Message mapToMessage(Traced request, Publication publication) {
      return new Message(
          MessageHeader.builder(request.id(), publication.topic(), MessageType.COMMAND).build(),
          MessageBody.of(request.trail(), "text/plain"));
    }

    @Override
    @StampIn(step = 2, label = "d")
    @StampIn(step = 1, label = "c")
    @UnwrapWith(step = 0, transform = MarkTransform.class)
    public Traced mapToRequest(Message message) {
      return new Traced(message.id(), message.body().text());
    }
  }

  static final class MisplacedMapper extends JsonMessageMapper<Report> {
    MisplacedMapper() {
      super(Report.class);
    }

    @Override
    @Compress(step = 0)
    public Report mapToRequest(Message message) {
      return super.mapToRequest(message);
    }
  }

  static final class ReplyingMapper extends JsonMessageMapper<Report> {
    ReplyingMapper() {
      super(Report.class);
    }

    @Override
    public Message mapToMessage(Report request, Publication publication, RequestContext context) {
      Message message = super.mapToMessage(request, publication, context);
      return message.withHeader(message.header().withTopic(RoutingKey.of("replies.ada")));
    }
  }

  private static MessagePipeline traced() {
    return new MessagePipeline(
        new MessageMapperRegistry().register(Traced.class, new TracedMapper()));
  }

  @Nested
  class Wrap {

    @Test
    void runs_the_mapper_then_the_transforms_in_ascending_step() {
      // given
      MessagePipeline pipeline = traced();

      // when
      Message message =
          pipeline.wrap(
              new Traced(Id.random(), "mapper"), Requests.GREETINGS, new RequestContext());

      // then
      assertThat(message.body().text()).isEqualTo("mapper,a,b,mark");
    }

    @Test
    void maps_with_the_default_json_mapper_when_none_is_registered() {
      // given
      MessagePipeline pipeline = new MessagePipeline(new MessageMapperRegistry());
      Report report = Requests.report(10);

      // when
      Message message = pipeline.wrap(report, Requests.GREETINGS, new RequestContext());

      // then
      assertThat(pipeline.unwrap(message, Report.class)).isEqualTo(report);
    }

    @Test
    void keeps_the_publication_topic_when_the_mapper_routes_elsewhere() {
      // given
      MessagePipeline pipeline =
          new MessagePipeline(
              new MessageMapperRegistry().register(Report.class, new ReplyingMapper()));

      // when
      Message message =
          pipeline.wrap(Requests.report(10), Requests.GREETINGS, new RequestContext());

      // then
      assertThat(message.header().topic()).isEqualTo(RoutingKey.of("replies.ada"));
      assertThat(message.header().bag())
          .containsEntry(HeaderNames.PRODUCER_TOPIC, Requests.GREETINGS.topic().value());
    }

    @Test
    void fails_when_a_claim_check_has_no_luggage_store() {
      // given
      MessagePipeline pipeline =
          new MessagePipeline(
              new MessageMapperRegistry()
                  .register(Report.class, new TransformsTest.ClaimCheckingMapper()));

      // when / then
      assertThatThrownBy(
              () -> pipeline.wrap(Requests.report(10), Requests.GREETINGS, new RequestContext()))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("@ClaimCheck")
          .hasMessageContaining(TransformsTest.ClaimCheckingMapper.class.getName())
          .hasMessageContaining("LuggageStore");
    }

    @Test
    void rejects_a_wrapping_transform_on_map_to_request() {
      // given
      MessagePipeline pipeline = new MessagePipeline(new MessageMapperRegistry());

      // when / then
      assertThatThrownBy(() -> pipeline.validate(MisplacedMapper.class))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("@Compress")
          .hasMessageContaining("mapToRequest");
    }
  }

  @Nested
  class Unwrap {

    @Test
    void runs_the_transforms_in_ascending_step_then_the_mapper() {
      // given
      MessagePipeline pipeline = traced();
      Message message =
          new Message(
              MessageHeader.builder(Id.random(), RoutingKey.of("traced"), MessageType.COMMAND)
                  .build(),
              MessageBody.of("wire", "text/plain"));

      // when
      Traced traced = pipeline.unwrap(message, Traced.class);

      // then
      assertThat(traced.trail()).isEqualTo("wire,mark,c,d");
    }
  }

  @Nested
  class Async {

    @Test
    void wraps_and_unwraps_through_an_adapted_sync_mapper_with_its_transforms() {
      // given
      MessagePipeline pipeline = traced();

      // when
      Message message =
          pipeline
              .wrapAsync(
                  new Traced(Id.random(), "mapper"), Requests.GREETINGS, new RequestContext())
              .join();
      Traced traced = pipeline.unwrapAsync(message, Traced.class).join();

      // then
      assertThat(message.body().text()).isEqualTo("mapper,a,b,mark");
      assertThat(traced.trail()).isEqualTo("mapper,a,b,mark,mark,c,d");
    }

    @Test
    void fails_the_future_when_no_mapper_exists() {
      // given
      MessagePipeline pipeline = new MessagePipeline(MessageMapperRegistry.withoutDefault());

      // when / then
      assertThat(pipeline.unwrapAsync(Message.none(Id.random()), Traced.class))
          .failsWithin(java.time.Duration.ZERO)
          .withThrowableOfType(java.util.concurrent.ExecutionException.class)
          .withCauseInstanceOf(ConfigurationException.class);
    }
  }
}
