package io.brighter.aws;

import static java.util.Objects.requireNonNull;

import io.brighter.ConfigurationException;
import io.brighter.TransientException;
import io.brighter.messaging.OnMissingChannel;
import io.brighter.messaging.transforms.LuggageStore;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A {@link LuggageStore} in an S3 bucket, for the claim-check transform: a body too large for SNS
 * or SQS goes to S3 as one object, and the message carries its claim id. Each object's key is the
 * key prefix and a random UUID, the claim id.
 *
 * {@snippet :
 * LuggageStore luggage = new S3LuggageStore(s3Client, "orders-luggage", "claims/", OnMissingChannel.CREATE);
 * MessagePipeline pipeline = MessagePipeline.builder().mappers(mappers).luggageStore(luggage).build();
 * }
 *
 * <p>A failure the SDK calls retryable (the network, throttling, a 5xx) is a {@link
 * TransientException}, so the message is tried again; any other S3 error (a refused access, say) is
 * thrown as the SDK's. Objects are not expired by the store: give the bucket a lifecycle rule for
 * claims whose messages never arrived. Thread-safe, as the client is; the store does not close the
 * client.
 */
public final class S3LuggageStore implements LuggageStore {

  private final S3Client client;
  private final String bucket;
  private final String keyPrefix;

  /**
   * A store in {@code bucket} under {@code keyPrefix} (may be empty), the bucket created, checked
   * or assumed now as {@code makeBucket} says.
   *
   * @throws ConfigurationException under {@code VALIDATE} when the bucket is missing
   */
  public S3LuggageStore(
      S3Client client, String bucket, String keyPrefix, OnMissingChannel makeBucket) {
    this.client = requireNonNull(client, "client must not be null");
    this.bucket = requireNonNull(bucket, "bucket must not be null");
    this.keyPrefix = requireNonNull(keyPrefix, "keyPrefix must not be null");
    requireNonNull(makeBucket, "makeBucket must not be null");
    if (bucket.isBlank()) {
      throw new ConfigurationException("S3LuggageStore bucket must not be blank");
    }
    if (makeBucket != OnMissingChannel.ASSUME && !bucketExists()) {
      if (makeBucket == OnMissingChannel.VALIDATE) {
        throw new ConfigurationException("S3 bucket " + bucket + " does not exist");
      }
      call("create bucket " + bucket, () -> client.createBucket(request -> request.bucket(bucket)));
    }
  }

  /** The bucket the store keeps payloads in. */
  public String bucket() {
    return bucket;
  }

  @Override
  public String store(byte[] payload) {
    requireNonNull(payload, "payload must not be null");
    String claimId = UUID.randomUUID().toString();
    call(
        "store luggage in " + bucket,
        () ->
            client.putObject(
                request -> request.bucket(bucket).key(keyPrefix + claimId),
                RequestBody.fromBytes(payload)));
    return claimId;
  }

  @Override
  public byte[] retrieve(String claimId) {
    String key = keyOf(claimId);
    if (key == null) {
      throw missing(claimId);
    }
    try {
      return call(
          "read luggage " + claimId,
          () -> client.getObjectAsBytes(request -> request.bucket(bucket).key(key)).asByteArray());
    } catch (NoSuchKeyException e) {
      throw missing(claimId);
    }
  }

  @Override
  public void delete(String claimId) {
    String key = keyOf(claimId);
    if (key != null) {
      call(
          "delete luggage " + claimId,
          () -> client.deleteObject(request -> request.bucket(bucket).key(key)));
    }
  }

  @Override
  public boolean hasClaim(String claimId) {
    String key = keyOf(claimId);
    return key != null
        && exists(
            "look up luggage " + claimId,
            () -> client.headObject(request -> request.bucket(bucket).key(key)));
  }

  private boolean bucketExists() {
    return exists(
        "look up bucket " + bucket, () -> client.headBucket(request -> request.bucket(bucket)));
  }

  /** Whether {@code head} finds what it asks for: false on S3's 404, else as {@link #call}. */
  private static boolean exists(String what, Supplier<?> head) {
    try {
      call(what, head);
      return true;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw e;
    }
  }

  /** The object key of {@code claimId}; null when it is not a claim id this store hands out. */
  private @Nullable String keyOf(String claimId) {
    try {
      return keyPrefix + UUID.fromString(claimId);
    } catch (IllegalArgumentException notAUuid) {
      return null;
    }
  }

  /** Runs {@code call}, telling a retryable failure as a transient one. */
  private static <T> T call(String what, Supplier<T> call) {
    try {
      return call.get();
    } catch (SdkException e) {
      if (e.retryable() && !(e instanceof S3Exception s3 && s3.statusCode() == 404)) {
        throw new TransientException("Could not " + what + ": " + e.getMessage(), e);
      }
      throw e;
    }
  }

  private static NoSuchElementException missing(String claimId) {
    return new NoSuchElementException("No luggage is stored under claim " + claimId);
  }
}
