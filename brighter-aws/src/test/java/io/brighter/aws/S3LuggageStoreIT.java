package io.brighter.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighter.Command;
import io.brighter.ConfigurationException;
import io.brighter.Id;
import io.brighter.RequestContext;
import io.brighter.aws.local.LocalS3;
import io.brighter.messaging.JsonMessageMapper;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageMapperRegistry;
import io.brighter.messaging.MessagePipeline;
import io.brighter.messaging.OnMissingChannel;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.transforms.ClaimCheck;
import io.brighter.messaging.transforms.RetrieveClaim;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The S3 luggage store on the local S3 endpoint (s3rver): payloads kept and read back byte for byte
 * under the key prefix, the bucket made or checked, and a message over SQS's size limit sent
 * through SQS with its body in S3.
 */
class S3LuggageStoreIT {

  private static final S3Client S3 = LocalS3.client();

  @AfterAll
  static void closeTheClient() {
    S3.close();
  }

  private static String bucket() {
    return "luggage-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void aPayloadIsKeptUnderItsClaimUntilDeleted() {
    S3LuggageStore store = new S3LuggageStore(S3, bucket(), "claims/", OnMissingChannel.CREATE);
    byte[] payload = new byte[200_000];
    new Random(3).nextBytes(payload);

    String claim = store.store(payload);

    assertThat(store.hasClaim(claim)).isTrue();
    assertThat(store.retrieve(claim)).isEqualTo(payload);
    assertThat(S3.listObjectsV2(request -> request.bucket(store.bucket())).contents())
        .extracting(S3Object::key)
        .containsExactly("claims/" + claim);

    store.delete(claim);
    store.delete(claim); // nothing there: no failure

    assertThat(store.hasClaim(claim)).isFalse();
    assertThatThrownBy(() -> store.retrieve(claim))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining(claim);
  }

  @Test
  void aClaimIdItNeverHandedOutIsNotLookedUp() {
    S3LuggageStore store = new S3LuggageStore(S3, bucket(), "", OnMissingChannel.CREATE);

    assertThat(store.hasClaim("../../other-bucket/secret")).isFalse();
    assertThatThrownBy(() -> store.retrieve("../../other-bucket/secret"))
        .isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void aMissingBucketIsCreatedOrRefusedAsAsked() {
    String bucket = bucket();
    assertThatThrownBy(() -> new S3LuggageStore(S3, bucket, "", OnMissingChannel.VALIDATE))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(bucket);

    new S3LuggageStore(S3, bucket, "", OnMissingChannel.CREATE);

    assertThat(new S3LuggageStore(S3, bucket, "", OnMissingChannel.VALIDATE).bucket())
        .isEqualTo(bucket);
  }

  /** A command with a large body. */
  record Scan(Id id, String image) implements Command {}

  /** Leaves a body of 512 KiB or more in the luggage store and fetches it back. */
  static final class ScanMapper extends JsonMessageMapper<Scan> {
    ScanMapper() {
      super(Scan.class);
    }

    @Override
    @ClaimCheck(step = 0, thresholdKiB = 512)
    public Message mapToMessage(Scan request, Publication publication, RequestContext context) {
      return super.mapToMessage(request, publication, context);
    }

    @Override
    @RetrieveClaim(step = 0)
    public Scan mapToRequest(Message message) {
      return super.mapToRequest(message);
    }
  }

  @Test
  void aMessageOverSqsLimitTravelsWithItsBodyInS3() {
    S3LuggageStore store = new S3LuggageStore(S3, bucket(), "", OnMissingChannel.CREATE);
    MessagePipeline pipeline =
        MessagePipeline.builder()
            .mappers(new MessageMapperRegistry().register(Scan.class, new ScanMapper()))
            .luggageStore(store)
            .build();
    String queue = "luggage-" + UUID.randomUUID().toString().substring(0, 8);
    Publication publication =
        Publication.builder().topic(RoutingKey.of(queue)).requestType(Scan.class).build();
    Scan scan = new Scan(Id.random(), "x".repeat(2 * 1024 * 1024)); // twice SQS's limit

    try (SqsMessageProducer producer = new SqsMessageProducer(LocalAwsConnection.AWS, publication);
        SqsMessageConsumer consumer =
            new SqsMessageConsumer(
                LocalAwsConnection.AWS,
                SqsSubscription.DEFAULT.withChannelType(SqsChannelType.POINT_TO_POINT),
                RoutingKey.of(queue),
                queue,
                1,
                RoutingKey.of(queue + "-dlq"),
                OnMissingChannel.CREATE)) {
      Message sent = pipeline.wrap(scan, publication, new RequestContext());
      assertThat(sent.body().bytes().length).isLessThan(1024);
      producer.send(sent);

      List<Message> received = consumer.receive(Duration.ofSeconds(5));
      assertThat(received).hasSize(1);
      Scan back = pipeline.unwrap(received.get(0), Scan.class);
      consumer.acknowledge(received.get(0));

      assertThat(back).isEqualTo(scan);
    }
  }
}
