package io.brighter.benchmarks.faults;

import io.brighter.Id;
import io.brighter.benchmarks.faults.FaultWorker.Work;
import io.brighter.benchmarks.faults.FuzzMessage.Header;
import io.brighter.messaging.JsonMessageMapper;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * Makes the messages of scenario 6: half valid, half of every invalid kind ({@link FuzzKind}), one
 * in forty of a huge kind; the same sequence number always gives the same kind. Every message
 * carries its sequence number in a header of its own, so its dead-letter copy can be told apart.
 */
final class FuzzMessages {

  /** The header every fuzzed message carries its sequence number in. */
  static final String SEQUENCE = "x-fuzz-seq";

  static final int HUGE_HEADER_BYTES = 100_000;
  static final int HUGE_BODY_BYTES = 256_000;

  private static final FuzzKind[] HUGE = {
    FuzzKind.HUGE_HEADER, FuzzKind.HUGE_HEADER_BAD_BODY, FuzzKind.HUGE_BODY
  };
  private static final FuzzKind[] VALID =
      Arrays.stream(FuzzKind.values())
          .filter(kind -> kind.valid() && !List.of(HUGE).contains(kind))
          .toArray(FuzzKind[]::new);
  private static final FuzzKind[] INVALID =
      Arrays.stream(FuzzKind.values())
          .filter(kind -> !kind.valid() && !List.of(HUGE).contains(kind))
          .toArray(FuzzKind[]::new);
  private static final String[] WRONG_JSON = {
    "[1,2,3]", "\"work\"", "42", "true", "{\"id\":{\"nested\":true},\"n\":\"x\"}"
  };
  private static final String[] GARBAGE_COUNTS = {"many", "-3", "1e12", "99999999999", "0x10"};
  private static final String[] GARBAGE_DELAYS = {"soon", "1.5", "NaN", "--1"};
  private static final String PRINTABLE =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 !#$%&()*+,-./:;<=>?@[]^_{|}~";

  private final String topic;
  private final String cloudEventsType;
  private final String cloudEventsTime;
  private final long seed;
  private final Publication publication;
  private final JsonMessageMapper<Work> json = new JsonMessageMapper<>(Work.class);

  /**
   * Messages for {@code topic}, with the transport's names of the CloudEvents type and time
   * headers, drawn from {@code seed}.
   */
  FuzzMessages(String topic, String cloudEventsType, String cloudEventsTime, long seed) {
    this.topic = topic;
    this.cloudEventsType = cloudEventsType;
    this.cloudEventsTime = cloudEventsTime;
    this.seed = seed;
    this.publication =
        Publication.builder().topic(RoutingKey.of(topic)).requestType(Work.class).build();
  }

  /** The kind of message {@code sequence}. */
  FuzzKind kind(int sequence) {
    Random random = random(sequence);
    if (random.nextInt(40) == 0) {
      return pick(random, HUGE);
    }
    return random.nextBoolean() ? pick(random, VALID) : pick(random, INVALID);
  }

  /** Message {@code sequence}, of its {@link #kind}. */
  FuzzMessage message(int sequence) {
    FuzzKind kind = kind(sequence);
    Random random = random(sequence);
    String workId = Id.random().value();
    byte[] valid = json.mapToMessage(new Work(Id.of(workId), sequence), publication).body().bytes();
    List<Header> headers = new ArrayList<>();
    headers.add(new Header(SEQUENCE, Integer.toString(sequence)));
    if (kind != FuzzKind.BARE) {
      headers.add(new Header("MessageType", "MT_EVENT"));
      headers.add(new Header("MessageId", workId));
      headers.add(new Header("Topic", topic));
      headers.add(new Header("ContentType", "application/json"));
      headers.add(new Header("HandledCount", "0"));
      headers.add(new Header("CorrelationId", Id.random().value()));
    }
    byte[] body = valid;
    switch (kind) {
      case FULL, BARE -> {}
      case NOISY -> {
        headers.add(new Header("TimeStamp", "yesterday"));
        headers.add(new Header(cloudEventsTime, "not a time"));
        for (int n = random.nextInt(1, 5); n > 0; n--) {
          headers.add(new Header("x-noise-" + text(random, 8), noise(random)));
        }
      }
      case HUGE_HEADER -> headers.add(new Header("x-huge", text(random, HUGE_HEADER_BYTES)));
      case RANDOM_BYTES -> body = bytes(random, random.nextInt(1, 2_000));
      case TRUNCATED_JSON -> body = Arrays.copyOf(valid, random.nextInt(1, valid.length));
      case EMPTY_BODY -> body = new byte[0];
      case JSON_NULL -> body = utf8("null");
      case WRONG_JSON -> body = utf8(WRONG_JSON[random.nextInt(WRONG_JSON.length)]);
      case NO_REQUEST_ID -> body = utf8("{\"n\":" + sequence + "}");
      case GARBAGE_TYPE -> replace(headers, "MessageType", "MT_" + text(random, 12) + "?");
      case BINARY_TYPE -> replace(headers, "MessageType", new byte[] {(byte) 0xC3, 0x28, -1, 0});
      case QUIT_TYPE ->
          replace(headers, "MessageType", random.nextBoolean() ? "MT_QUIT" : "MT_NONE");
      case UNKNOWN_TYPE ->
          headers.add(new Header(cloudEventsType, "io.example.Unknown" + sequence));
      case GARBAGE_COUNT ->
          replace(headers, "HandledCount", GARBAGE_COUNTS[random.nextInt(GARBAGE_COUNTS.length)]);
      case GARBAGE_DELAY ->
          headers.add(new Header("x-delay", GARBAGE_DELAYS[random.nextInt(GARBAGE_DELAYS.length)]));
      case HUGE_HEADER_BAD_BODY -> {
        headers.add(new Header("x-huge", text(random, HUGE_HEADER_BYTES)));
        body = bytes(random, random.nextInt(1, 2_000));
      }
      case HUGE_BODY -> body = bytes(random, HUGE_BODY_BYTES);
    }
    return new FuzzMessage(sequence, kind, kind.valid() ? workId : null, headers, body);
  }

  private Random random(int sequence) {
    return new Random(seed * 1_000_003L + sequence);
  }

  private static FuzzKind pick(Random random, FuzzKind[] kinds) {
    return kinds[random.nextInt(kinds.length)];
  }

  private static void replace(List<Header> headers, String name, Object value) {
    headers.replaceAll(header -> header.name().equals(name) ? new Header(name, value) : header);
  }

  /** Text, bytes, a number or nothing. */
  private static @Nullable Object noise(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> text(random, random.nextInt(0, 200));
      case 1 -> bytes(random, random.nextInt(0, 64));
      case 2 -> random.nextLong();
      default -> null;
    };
  }

  private static String text(Random random, int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(PRINTABLE.charAt(random.nextInt(PRINTABLE.length())));
    }
    return text.toString();
  }

  private static byte[] bytes(Random random, int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
