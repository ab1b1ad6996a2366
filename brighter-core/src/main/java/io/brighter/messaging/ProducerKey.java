package io.brighter.messaging;

import static java.util.Objects.requireNonNull;

/**
 * What a producer is registered under: its publication's topic and CloudEvents type, so several
 * publications may share a topic when their types differ.
 *
 * @param topic the publication's topic
 * @param cloudEventsType the publication's CloudEvents {@code type}
 */
record ProducerKey(RoutingKey topic, String cloudEventsType) {

  ProducerKey {
    requireNonNull(topic, "topic must not be null");
    requireNonNull(cloudEventsType, "cloudEventsType must not be null");
  }

  static ProducerKey of(Publication publication) {
    return new ProducerKey(publication.topic(), publication.type());
  }

  @Override
  public String toString() {
    return "topic '" + topic + "' with CloudEvents type '" + cloudEventsType + "'";
  }
}
