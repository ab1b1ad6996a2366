package io.brighter.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brighter.Id;
import io.brighter.RequestContext;
import io.brighter.actions.InvalidMessageAction;
import io.brighter.messaging.Requests.GreetingAdded;
import io.brighter.messaging.Requests.Report;
import io.brighter.messaging.transforms.ClaimCheck;
import io.brighter.messaging.transforms.CloudEvents;
import io.brighter.messaging.transforms.CloudEventsFormat;
import io.brighter.messaging.transforms.Compress;
import io.brighter.messaging.transforms.Decompress;
import io.brighter.messaging.transforms.InMemoryLuggageStore;
import io.brighter.messaging.transforms.ReadFromCloudEvents;
import io.brighter.messaging.transforms.RetrieveClaim;
import java.net.URI;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TransformsTest {

  static final class CompressingMapper extends JsonMessageMapper<Report> {
    CompressingMapper() {
      super(Report.class);
    }

    @Override
    @Compress(step = 0, thresholdKiB = 1)
    public Message mapToMessage(Report request, Publication publication, RequestContext context) {
      return super.mapToMessage(request, publication, context);
    }

    @Override
    @Decompress(step = 0)
    public Report mapToRequest(Message message) {
      return super.mapToRequest(message);
    }
  }

  static class ClaimCheckingMapper extends JsonMessageMapper<Report> {
    ClaimCheckingMapper() {
      super(Report.class);
    }

    @Override
    @ClaimCheck(step = 0, thresholdKiB = 1)
    public Message mapToMessage(Report request, Publication publication, RequestContext context) {
      return super.mapToMessage(request, publication, context);
    }

    @Override
    @RetrieveClaim(step = 0)
    public Report mapToRequest(Message message) {
      return super.mapToRequest(message);
    }
  }

  static final class RetainingMapper extends ClaimCheckingMapper {
    @Override
    @ClaimCheck(step = 0, thresholdKiB = 1)
    public Message mapToMessage(Report request, Publication publication, RequestContext context) {
      return super.mapToMessage(request, publication, context);
    }

    @Override
    @RetrieveClaim(step = 0, retain = true)
    public Report mapToRequest(Message message) {
      return super.mapToRequest(message);
    }
  }

  /** Sets its own CloudEvents source and type, as a mapper that knows better may. */
  static final class CloudEventsMapper extends JsonMessageMapper<GreetingAdded> {
    CloudEventsMapper() {
      super(GreetingAdded.class);
    }

    @Override
    @CloudEvents(
        step = 0,
        source = "https://annotation.example.com",
        type = "annotation.type",
        subject = "from-annotation")
    public Message mapToMessage(
        GreetingAdded request, Publication publication, RequestContext context) {
      Message message = super.mapToMessage(request, publication, context);
      return message.withHeader(
          message.header().toBuilder()
              .source(URI.create("https://mapper.example.com"))
              .type("mapper.type")
              .build());
    }
  }

  static final class StructuredMapper extends JsonMessageMapper<GreetingAdded> {
    StructuredMapper() {
      super(GreetingAdded.class);
    }

    @Override
    @CloudEvents(step = 0, format = CloudEventsFormat.JSON, type = "io.example.greeting.added")
    public Message mapToMessage(
        GreetingAdded request, Publication publication, RequestContext context) {
      return super.mapToMessage(request, publication, context);
    }

    @Override
    @ReadFromCloudEvents(step = 0)
    public GreetingAdded mapToRequest(Message message) {
      return super.mapToRequest(message);
    }
  }

  private static <T extends io.brighter.Request> MessagePipeline pipeline(
      Class<T> type, MessageMapper<T> mapper, InMemoryLuggageStore store) {
    return MessagePipeline.builder()
        .mappers(new MessageMapperRegistry().register(type, mapper))
        .luggageStore(store)
        .build();
  }

  @Nested
  class Compression {

    private final MessagePipeline pipeline =
        pipeline(Report.class, new CompressingMapper(), new InMemoryLuggageStore());

    @Test
    void gzips_a_body_at_or_above_the_threshold_and_keeps_the_original_content_type() {
      // given
      Report report = Requests.report(4096);

      // when
      Message message = pipeline.wrap(report, Requests.GREETINGS, new RequestContext());

      // then
      assertThat(message.header().contentType()).isEqualTo("application/gzip");
      assertThat(message.body().contentType()).isEqualTo("application/gzip");
      assertThat(message.header().bag()).containsEntry("originalContentType", "application/json");
      assertThat(message.body().size()).isLessThan(4096);
      assertThat(message.body().bytes()[0]).isEqualTo((byte) 0x1f);
    }

    @Test
    void round_trips_a_compressed_body_and_restores_the_content_type() {
      // given
      Report report = Requests.report(4096);
      Message message = pipeline.wrap(report, Requests.GREETINGS, new RequestContext());

      // when
      Report back = pipeline.unwrap(message, Report.class);

      // then
      assertThat(back).isEqualTo(report);
    }

    @Test
    void leaves_a_body_below_the_threshold_untouched() {
      // given
      Report report = Requests.report(100);

      // when
      Message message = pipeline.wrap(report, Requests.GREETINGS, new RequestContext());

      // then
      assertThat(message.header().contentType()).isEqualTo("application/json");
      assertThat(message.header().bag()).doesNotContainKey("originalContentType");
      assertThat(pipeline.unwrap(message, Report.class)).isEqualTo(report);
    }
  }

  @Nested
  class ClaimChecking {

    private final InMemoryLuggageStore store = new InMemoryLuggageStore();

    @Test
    void checks_a_large_body_into_the_store_and_sends_the_claim() {
      // given
      MessagePipeline pipeline = pipeline(Report.class, new ClaimCheckingMapper(), store);

      // when
      Message message =
          pipeline.wrap(Requests.report(2048), Requests.GREETINGS, new RequestContext());

      // then
      String claim = message.header().dataRef();
      assertThat(claim).isNotNull();
      assertThat(message.header().bag()).containsEntry("claim_check_header", claim);
      assertThat(message.body().size()).isZero();
      assertThat(store.hasClaim(claim)).isTrue();
    }

    @Test
    void retrieves_the_body_and_deletes_the_luggage() {
      // given
      MessagePipeline pipeline = pipeline(Report.class, new ClaimCheckingMapper(), store);
      Report report = Requests.report(2048);
      Message message = pipeline.wrap(report, Requests.GREETINGS, new RequestContext());

      // when
      Report back = pipeline.unwrap(message, Report.class);

      // then
      assertThat(back).isEqualTo(report);
      assertThat(store.size()).isZero();
    }

    @Test
    void keeps_the_luggage_when_asked_to_retain_it() {
      // given
      MessagePipeline pipeline = pipeline(Report.class, new RetainingMapper(), store);
      Report report = Requests.report(2048);
      Message message = pipeline.wrap(report, Requests.GREETINGS, new RequestContext());

      // when
      Report back = pipeline.unwrap(message, Report.class);

      // then
      assertThat(back).isEqualTo(report);
      assertThat(store.hasClaim(message.header().dataRef())).isTrue();
    }

    @Test
    void leaves_a_body_below_the_threshold_in_the_message() {
      // given
      MessagePipeline pipeline = pipeline(Report.class, new ClaimCheckingMapper(), store);
      Report report = Requests.report(100);

      // when
      Message message = pipeline.wrap(report, Requests.GREETINGS, new RequestContext());

      // then
      assertThat(message.header().dataRef()).isNull();
      assertThat(store.size()).isZero();
      assertThat(pipeline.unwrap(message, Report.class)).isEqualTo(report);
    }

    @Test
    void rejects_a_message_whose_luggage_is_gone() {
      // given
      MessagePipeline pipeline = pipeline(Report.class, new ClaimCheckingMapper(), store);
      Message message =
          pipeline.wrap(Requests.report(2048), Requests.GREETINGS, new RequestContext());
      store.delete(message.header().dataRef());

      // when / then
      assertThatThrownBy(() -> pipeline.unwrap(message, Report.class))
          .isInstanceOf(InvalidMessageAction.class)
          .hasMessageContaining(message.header().dataRef());
    }
  }

  @Nested
  class CloudEventsTransforms {

    private final Publication publication =
        Publication.builder()
            .topic(RoutingKey.of("greetings"))
            .source(URI.create("https://publication.example.com"))
            .type("publication.type")
            .dataSchema(URI.create("https://schemas.example.com/greeting"))
            .build();

    @Test
    void when_wrapping_a_message_that_already_has_cloud_event_headers_should_preserve_them() {
      // given
      MessagePipeline pipeline =
          pipeline(GreetingAdded.class, new CloudEventsMapper(), new InMemoryLuggageStore());

      // when
      MessageHeader header =
          pipeline
              .wrap(new GreetingAdded(Id.random(), "Ada"), publication, new RequestContext())
              .header();

      // then
      assertThat(header.source()).isEqualTo(URI.create("https://mapper.example.com"));
      assertThat(header.type()).isEqualTo("mapper.type");
      assertThat(header.subject()).isEqualTo("from-annotation");
      assertThat(header.dataSchema()).isEqualTo(URI.create("https://schemas.example.com/greeting"));
      assertThat(header.contentType()).isEqualTo("application/json");
    }

    @Test
    void writes_a_structured_json_envelope_with_the_data_inlined() throws Exception {
      // given
      MessagePipeline pipeline =
          pipeline(GreetingAdded.class, new StructuredMapper(), new InMemoryLuggageStore());
      GreetingAdded event = new GreetingAdded(Id.random(), "Ada");

      // when
      Message message = pipeline.wrap(event, publication, new RequestContext());

      // then
      assertThat(message.header().contentType()).isEqualTo("application/cloudevents+json");
      JsonNode envelope = new ObjectMapper().readTree(message.body().bytes());
      assertThat(envelope.get("specversion").asText()).isEqualTo("1.0");
      assertThat(envelope.get("id").asText()).isEqualTo(event.id().value());
      assertThat(envelope.get("source").asText()).isEqualTo("https://publication.example.com");
      assertThat(envelope.get("type").asText()).isEqualTo("io.example.greeting.added");
      assertThat(envelope.get("dataschema").asText())
          .isEqualTo("https://schemas.example.com/greeting");
      assertThat(envelope.get("datacontenttype").asText()).isEqualTo("application/json");
      assertThat(envelope.has("time")).isTrue();
      assertThat(envelope.get("data").get("name").asText()).isEqualTo("Ada");
      assertThat(envelope.has("subject")).isFalse();
    }

    @Test
    void reads_a_structured_envelope_back_into_header_and_body() {
      // given
      MessagePipeline pipeline =
          pipeline(GreetingAdded.class, new StructuredMapper(), new InMemoryLuggageStore());
      GreetingAdded event = new GreetingAdded(Id.random(), "Ada");
      Message message = pipeline.wrap(event, publication, new RequestContext());

      // when
      GreetingAdded back = pipeline.unwrap(message, GreetingAdded.class);

      // then
      assertThat(back).isEqualTo(event);
    }

    @Test
    void rejects_a_malformed_envelope() {
      // given
      MessagePipeline pipeline =
          pipeline(GreetingAdded.class, new StructuredMapper(), new InMemoryLuggageStore());
      Message message =
          new Message(
              MessageHeader.builder(Id.random(), RoutingKey.of("greetings"), MessageType.EVENT)
                  .contentType("application/cloudevents+json")
                  .build(),
              MessageBody.of("{\"data\": {}}", "application/cloudevents+json"));

      // when / then
      assertThatThrownBy(() -> pipeline.unwrap(message, GreetingAdded.class))
          .isInstanceOf(InvalidMessageAction.class);
    }
  }
}
