package io.brighter.kafka.internal;

import org.apache.kafka.common.TopicPartition;

/**
 * Where a received record was read: its topic, partition and offset.
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

  /** The form .NET Brighter logs a position in, {@code topic [[partition]] @offset}. */
  @Override
  public String toString() {
    return topic + " [[" + partition + "]] @" + offset;
  }
}
