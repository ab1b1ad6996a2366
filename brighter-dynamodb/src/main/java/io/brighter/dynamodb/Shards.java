package io.brighter.dynamodb;

import io.brighter.ConfigurationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * Chooses the shard a message is written to, so that the outstanding indexes spread one topic over
 * several partitions: the same partition key always lands in the same shard (its SHA-256 digest,
 * modulo the shard count, never negative), and a message without one lands in a random shard.
 */
final class Shards {

  /** The most shards an outbox may have, as in .NET Brighter. */
  static final int MAX = 20;

  private Shards() {}

  /** The shard for {@code partitionKey} among {@code count} shards: 0 to {@code count - 1}. */
  static int of(@Nullable String partitionKey, int count) {
    if (count <= 1) {
      return 0;
    }
    if (partitionKey == null || partitionKey.isEmpty()) {
      return ThreadLocalRandom.current().nextInt(count);
    }
    byte[] digest = sha256(partitionKey.getBytes(StandardCharsets.UTF_8));
    int first =
        ((digest[0] & 0xff) << 24)
            | ((digest[1] & 0xff) << 16)
            | ((digest[2] & 0xff) << 8)
            | (digest[3] & 0xff);
    return Math.floorMod(first, count);
  }

  /** Fails unless {@code count} is between 1 and {@value #MAX}. */
  static int check(int count) {
    if (count < 1 || count > MAX) {
      throw new ConfigurationException(
          "DynamoDbOutbox.numberOfShards must be between 1 and " + MAX + ": " + count);
    }
    return count;
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
