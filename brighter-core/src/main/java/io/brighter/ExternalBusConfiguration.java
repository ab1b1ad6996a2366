package io.brighter;

import io.brighter.internal.Settings;
import io.brighter.messaging.MessageMapperRegistry;
import io.brighter.messaging.ProducerRegistry;
import io.brighter.messaging.transforms.LuggageStore;
import io.brighter.outbox.InMemoryOutbox;
import io.brighter.outbox.Outbox;
import java.time.Clock;
import org.jspecify.annotations.Nullable;

/**
 * How a command processor reaches other services: the producers for each publication, the mappers
 * that turn requests into messages, the outbox that holds messages until they are sent, and the
 * limits around them.
 *
 * {@snippet :
 * ExternalBusConfiguration bus = ExternalBusConfiguration.builder()
 *     .producers(ProducerRegistry.of(List.of(new InMemoryMessageProducer(inMemoryBus, publication))))
 *     .mappers(new MessageMapperRegistry())
 *     .outbox(outbox)
 *     .maxOutstandingMessages(10_000)
 *     .build();
 * }
 *
 * @param producers the producers, one per publication
 * @param mappers the mappers; types without one use the default JSON mapper
 * @param luggageStore where {@code @ClaimCheck} transforms put large payloads, if any mapper uses
 *     one
 * @param outbox where messages wait until sent
 * @param maxOutstandingMessages above this many undispatched messages {@code depositPost} fails
 *     with {@link io.brighter.outbox.OutboxLimitReachedException}; 0 or less means no limit
 * @param producerRetryPolicy the resilience pipeline, by name, that producer sends run in; none
 *     when null
 * @param clock the clock dispatch times are read from
 */
public record ExternalBusConfiguration(
    ProducerRegistry producers,
    MessageMapperRegistry mappers,
    @Nullable LuggageStore luggageStore,
    Outbox outbox,
    int maxOutstandingMessages,
    @Nullable String producerRetryPolicy,
    Clock clock) {

  /**
   * Checks every part.
   *
   * @throws ConfigurationException naming the property that is missing or out of range
   */
  public ExternalBusConfiguration {
    Settings.required(producers, "ExternalBusConfiguration.producers");
    Settings.required(mappers, "ExternalBusConfiguration.mappers");
    Settings.required(outbox, "ExternalBusConfiguration.outbox");
    Settings.required(clock, "ExternalBusConfiguration.clock");
  }

  /** A builder; {@link Builder#producers} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Collects the parts of an {@link ExternalBusConfiguration}. */
  public static final class Builder {
    private @Nullable ProducerRegistry producers;
    private MessageMapperRegistry mappers = new MessageMapperRegistry();
    private @Nullable LuggageStore luggageStore;
    private @Nullable Outbox outbox;
    private int maxOutstandingMessages;
    private @Nullable String producerRetryPolicy;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The producers. Required. */
    public Builder producers(ProducerRegistry value) {
      this.producers = value;
      return this;
    }

    /** The mappers; a registry with only the default JSON mapper when not set. */
    public Builder mappers(MessageMapperRegistry value) {
      this.mappers = value;
      return this;
    }

    /** Where claim-check transforms store large payloads; needed only if a mapper uses one. */
    public Builder luggageStore(LuggageStore value) {
      this.luggageStore = value;
      return this;
    }

    /** The outbox; an {@link InMemoryOutbox} when not set, which does not survive a restart. */
    public Builder outbox(Outbox value) {
      this.outbox = value;
      return this;
    }

    /** The most undispatched messages allowed; no limit when not set. */
    public Builder maxOutstandingMessages(int value) {
      this.maxOutstandingMessages = value;
      return this;
    }

    /** The resilience pipeline producer sends run in, by its registered name. */
    public Builder producerRetryPolicy(String value) {
      this.producerRetryPolicy = value;
      return this;
    }

    /** The clock dispatch times are read from; the UTC system clock when not set. */
    public Builder clock(Clock value) {
      this.clock = value;
      return this;
    }

    /**
     * The configuration.
     *
     * @throws ConfigurationException naming the missing property
     */
    public ExternalBusConfiguration build() {
      if (producers == null) {
        throw new ConfigurationException("ExternalBusConfiguration.producers may not be null");
      }
      return new ExternalBusConfiguration(
          producers,
          mappers,
          luggageStore,
          outbox != null
              ? outbox
              : new InMemoryOutbox(Settings.required(clock, "ExternalBusConfiguration.clock")),
          maxOutstandingMessages,
          producerRetryPolicy,
          clock);
    }
  }
}
