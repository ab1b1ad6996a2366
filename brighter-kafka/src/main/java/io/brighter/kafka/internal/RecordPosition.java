package io.brighter.kafka.internal;

import io.brighter.kafka.KafkaHeaderNames;
import io.brighter.messaging.Message;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;

/**
 * Where a received message was read: its topic, partition and offset. A consumer keeps it in the
 * message's bag under {@link KafkaHeaderNames#PARTITION_OFFSET} as {@code topic [[partition]]
 * @offset}, the form .NET Brighter uses, so that settling a message finds its record again.
 *
 * @param topic the topic
 * @param partition the partition
 * @param offset the record's offset
 */
public record RecordPosition(String topic, int partition, long offset) {

  /** The topic and partition. */
  public TopicPartition topicPartition() {
    return new TopicPartition(topic, partition);
  }

  /** The bag form, {@code topic [[partition]] @offset}. */
  @Override
  public String toString() {
    return topic + " [[" + partition + "]] @" + offset;
  }

  /** The position recorded in {@code message}'s bag, if any. */
  public static Optional<RecordPosition> of(Message message) {
    Object value = message.header().bag().get(KafkaHeaderNames.PARTITION_OFFSET);
    if (value == null) {
      return Optional.empty();
    }
    String text = value.toString();
    int open = text.lastIndexOf(" [[");
    int close = text.lastIndexOf("]] @");
    if (open < 1 || close < open) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new RecordPosition(
              text.substring(0, open),
              Integer.parseInt(text, open + 3, close, 10),
              Long.parseLong(text, close + 4, text.length(), 10)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
