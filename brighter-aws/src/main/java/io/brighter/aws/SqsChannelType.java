package io.brighter.aws;

/** How a subscription's SQS queue is fed. */
public enum SqsChannelType {
  /**
   * An SNS topic, named after the routing key, feeds the queue, named after the channel: every
   * subscribed queue gets each message ({@link SnsMessageProducer} publishes to the topic).
   */
  PUBLISH_SUBSCRIBE,
  /** The queue is named after the routing key and fed directly ({@link SqsMessageProducer}). */
  POINT_TO_POINT
}
