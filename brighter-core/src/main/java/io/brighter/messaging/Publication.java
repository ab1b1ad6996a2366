package io.brighter.messaging;

import static java.util.Objects.requireNonNull;

import io.brighter.Request;
import io.brighter.internal.Settings;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where and how the requests of one type are published: the topic, what to do when it is missing,
 * and the CloudEvents attributes and default headers stamped on each message. Transports extend the
 * idea with their own settings.
 *
 * {@snippet :
 * Publication publication = Publication.builder()
 *     .topic(RoutingKey.of("greeting.added"))
 *     .requestType(GreetingAdded.class)
 *     .source(URI.create("https://greetings.example.com"))
 *     .build();
 * }
 *
 * @param topic the topic messages go to
 * @param requestType the request type published here, if this publication is for one
 * @param makeChannels what to do when the topic is missing
 * @param source CloudEvents {@code source}
 * @param type CloudEvents {@code type}
 * @param subject CloudEvents {@code subject}, if any
 * @param dataSchema CloudEvents {@code dataschema}, if any
 * @param replyTo where replies go, if anywhere
 * @param defaultHeaders added to the bag of every message
 */
public record Publication(
    RoutingKey topic,
    @Nullable Class<? extends Request> requestType,
    OnMissingChannel makeChannels,
    URI source,
    String type,
    @Nullable String subject,
    @Nullable URI dataSchema,
    @Nullable RoutingKey replyTo,
    Map<String, Object> defaultHeaders) {

  /**
   * Checks the parts and copies the headers.
   *
   * @throws io.brighter.ConfigurationException naming a part that is missing, or a CloudEvents
   *     source or type that is empty (CloudEvents requires both)
   */
  public Publication {
    Settings.required(topic, "Publication.topic");
    Settings.required(makeChannels, "Publication.makeChannels");
    Settings.notBlank(
        Settings.required(source, "Publication.source").toString(), "Publication.source");
    Settings.notBlank(type, "Publication.type");
    Settings.required(defaultHeaders, "Publication.defaultHeaders");
    defaultHeaders = Map.copyOf(defaultHeaders);
  }

  /** A builder; {@code topic} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Collects the parts of a {@link Publication}. */
  public static final class Builder {
    private @Nullable RoutingKey topic;
    private @Nullable Class<? extends Request> requestType;
    private OnMissingChannel makeChannels = OnMissingChannel.CREATE;
    private URI source = MessageHeader.DEFAULT_SOURCE;
    private String type = MessageHeader.DEFAULT_TYPE;
    private @Nullable String subject;
    private @Nullable URI dataSchema;
    private @Nullable RoutingKey replyTo;
    private final Map<String, Object> defaultHeaders = new HashMap<>();

    private Builder() {}

    /** The topic messages go to. Required. */
    public Builder topic(RoutingKey value) {
      this.topic = value;
      return this;
    }

    /** The request type published here. */
    public Builder requestType(Class<? extends Request> value) {
      this.requestType = value;
      return this;
    }

    /** What to do when the topic is missing; {@link OnMissingChannel#CREATE} by default. */
    public Builder makeChannels(OnMissingChannel value) {
      this.makeChannels = value;
      return this;
    }

    /** CloudEvents {@code source}; {@code http://goparamore.io} by default. */
    public Builder source(URI value) {
      this.source = value;
      return this;
    }

    /** CloudEvents {@code type}. */
    public Builder type(String value) {
      this.type = value;
      return this;
    }

    /** CloudEvents {@code subject}. */
    public Builder subject(@Nullable String value) {
      this.subject = value;
      return this;
    }

    /** CloudEvents {@code dataschema}. */
    public Builder dataSchema(@Nullable URI value) {
      this.dataSchema = value;
      return this;
    }

    /** Where replies go. */
    public Builder replyTo(@Nullable RoutingKey value) {
      this.replyTo = value;
      return this;
    }

    /** A header added to the bag of every message. */
    public Builder defaultHeader(String key, Object value) {
      defaultHeaders.put(requireNonNull(key, "key"), requireNonNull(value, "value"));
      return this;
    }

    /**
     * The publication.
     *
     * @throws NullPointerException naming the missing property, e.g. {@code Publication.topic}
     */
    public Publication build() {
      return new Publication(
          Settings.required(topic, "Publication.topic"),
          requestType,
          makeChannels,
          source,
          type,
          subject,
          dataSchema,
          replyTo,
          defaultHeaders);
    }
  }
}
