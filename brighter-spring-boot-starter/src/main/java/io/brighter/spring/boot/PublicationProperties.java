package io.brighter.spring.boot;

import io.brighter.Request;
import io.brighter.messaging.OnMissingChannel;
import org.jspecify.annotations.Nullable;

/** What a publication declared by properties sets, whatever its transport. */
public interface PublicationProperties {

  /** The routing key the producer sends to. */
  String topic();

  /** The request type sent to this topic, when the topic cannot be told from it. */
  @Nullable Class<? extends Request> requestType();

  /** What to do when the topic is missing: create, validate or assume. */
  OnMissingChannel makeChannels();
}
