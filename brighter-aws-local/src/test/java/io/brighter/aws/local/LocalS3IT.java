package io.brighter.aws.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** The local S3 endpoint answers the unmodified SDK as S3 does for what a luggage store needs. */
class LocalS3IT {

  private static String bucket(S3Client s3) {
    String name = "self-" + UUID.randomUUID().toString().substring(0, 8);
    s3.createBucket(request -> request.bucket(name));
    return name;
  }

  @Test
  void an_object_is_stored_read_back_byte_for_byte_and_deleted() {
    try (S3Client s3 = LocalS3.client()) {
      String bucket = bucket(s3);
      byte[] payload = new byte[300_000];
      new Random(7).nextBytes(payload);

      s3.putObject(request -> request.bucket(bucket).key("a/b"), RequestBody.fromBytes(payload));

      assertThat(s3.getObjectAsBytes(request -> request.bucket(bucket).key("a/b")).asByteArray())
          .isEqualTo(payload);
      assertThat(s3.headObject(request -> request.bucket(bucket).key("a/b")).contentLength())
          .isEqualTo(payload.length);

      s3.deleteObject(request -> request.bucket(bucket).key("a/b"));
      assertThatThrownBy(() -> s3.getObjectAsBytes(request -> request.bucket(bucket).key("a/b")))
          .isInstanceOf(NoSuchKeyException.class);
    }
  }

  @Test
  void a_missing_key_or_bucket_is_told_as_s3_tells_it() {
    try (S3Client s3 = LocalS3.client()) {
      String bucket = bucket(s3);
      assertThatThrownBy(() -> s3.getObjectAsBytes(request -> request.bucket(bucket).key("none")))
          .isInstanceOf(NoSuchKeyException.class);
      assertThatThrownBy(() -> s3.headBucket(request -> request.bucket("no-such-bucket-here")))
          .isInstanceOf(software.amazon.awssdk.services.s3.model.S3Exception.class)
          .satisfies(
              e ->
                  assertThat(
                          ((software.amazon.awssdk.services.s3.model.S3Exception) e).statusCode())
                      .isEqualTo(404));
      assertThatThrownBy(
              () ->
                  s3.putObject(
                      request -> request.bucket("no-such-bucket-here").key("k"),
                      RequestBody.fromString("x", StandardCharsets.UTF_8)))
          .isInstanceOf(NoSuchBucketException.class);
    }
  }
}
