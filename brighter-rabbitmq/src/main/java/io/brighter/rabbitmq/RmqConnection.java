package io.brighter.rabbitmq;

import io.brighter.ConfigurationException;
import io.brighter.internal.Settings;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Where and how producers and consumers reach RabbitMQ: the AMQP URI (host, port, virtual host,
 * credentials), the exchange messages are published to, the exchange rejected messages go to, the
 * heartbeat, TLS and the reconnect policy. Every producer and consumer opens its own connection
 * with these settings.
 *
 * {@snippet :
 * RmqConnection connection = RmqConnection.builder()
 *     .uri(URI.create("amqp://guest:guest@127.0.0.1:5672/%2f"))
 *     .exchange(RmqExchange.direct("paramore.brighter.exchange"))
 *     .heartbeat(Duration.ofSeconds(20))
 *     .build();
 * }
 *
 * @param uri the broker's {@code amqp://} or {@code amqps://} URI
 * @param exchange the exchange producers publish to and subscriptions bind their queues to
 * @param deadLetterExchange where rejected messages go, under the subscription's dead-letter
 *     routing key; by default {@code exchange}
 * @param heartbeat the AMQP heartbeat; a dead peer is noticed after about twice this
 * @param connectionTimeout how long opening a TCP connection may take
 * @param tls TLS settings, or null for none (an {@code amqps} URI without them trusts any server)
 * @param retry how connecting is retried and when it stops for a while
 * @param connectionName the client name the broker shows for connections
 */
public record RmqConnection(
    URI uri,
    RmqExchange exchange,
    RmqExchange deadLetterExchange,
    Duration heartbeat,
    Duration connectionTimeout,
    @Nullable RmqTls tls,
    RmqConnectionRetry retry,
    String connectionName) {

  /** The broker on loopback with the guest account. */
  public static final URI LOCAL_URI = URI.create("amqp://guest:guest@127.0.0.1:5672/%2f");

  /** Checks the parts. */
  public RmqConnection {
    Settings.required(uri, "RmqConnection.uri");
    Settings.required(exchange, "RmqConnection.exchange");
    Settings.required(deadLetterExchange, "RmqConnection.deadLetterExchange");
    Settings.required(heartbeat, "RmqConnection.heartbeat");
    Settings.required(connectionTimeout, "RmqConnection.connectionTimeout");
    Settings.required(retry, "RmqConnection.retry");
    Settings.required(connectionName, "RmqConnection.connectionName");
    String scheme = uri.getScheme();
    if (!"amqp".equals(scheme) && !"amqps".equals(scheme)) {
      throw new ConfigurationException(
          "RmqConnection.uri must be an amqp:// or amqps:// URI: " + redacted(uri));
    }
    if (heartbeat.isNegative() || connectionTimeout.isNegative()) {
      throw new ConfigurationException("RmqConnection durations must not be negative");
    }
  }

  /** A builder starting from the loopback broker and .NET Brighter's exchange. */
  public static Builder builder() {
    return new Builder();
  }

  /** This connection's settings with {@code value} as the retry policy. */
  public RmqConnection withRetry(RmqConnectionRetry value) {
    return new RmqConnection(
        uri,
        exchange,
        deadLetterExchange,
        heartbeat,
        connectionTimeout,
        tls,
        value,
        connectionName);
  }

  /** The URI without its password, for messages and logs. */
  public String redactedUri() {
    return redacted(uri);
  }

  /** The settings with the URI's password masked, so that logging them leaks no secret. */
  @Override
  public String toString() {
    return "RmqConnection[uri="
        + redactedUri()
        + ", exchange="
        + exchange
        + ", deadLetterExchange="
        + deadLetterExchange
        + ", heartbeat="
        + heartbeat
        + ", connectionTimeout="
        + connectionTimeout
        + ", tls="
        + (tls == null ? "none" : "on")
        + ", retry="
        + retry
        + ", connectionName="
        + connectionName
        + "]";
  }

  private static String redacted(URI uri) {
    String userInfo = uri.getRawUserInfo();
    if (userInfo == null) {
      return uri.toString();
    }
    String user = userInfo.contains(":") ? userInfo.substring(0, userInfo.indexOf(':')) : userInfo;
    return uri.toString().replace(userInfo + "@", user + ":***@");
  }

  /** Collects the parts of an {@link RmqConnection}. */
  public static final class Builder {
    private URI uri = LOCAL_URI;
    private RmqExchange exchange = RmqExchange.direct(RmqExchange.DEFAULT_NAME);
    private @Nullable RmqExchange deadLetterExchange;
    private Duration heartbeat = Duration.ofSeconds(20);
    private Duration connectionTimeout = Duration.ofSeconds(10);
    private @Nullable RmqTls tls;
    private RmqConnectionRetry retry = RmqConnectionRetry.DEFAULT;
    private String connectionName = "brighter";

    private Builder() {}

    /** The broker's URI; {@link #LOCAL_URI} by default. */
    public Builder uri(URI value) {
      this.uri = value;
      return this;
    }

    /**
     * The exchange to publish to; a durable direct {@code paramore.brighter.exchange} by default.
     */
    public Builder exchange(RmqExchange value) {
      this.exchange = value;
      return this;
    }

    /** The exchange rejected messages go to; the {@link #exchange} by default. */
    public Builder deadLetterExchange(RmqExchange value) {
      this.deadLetterExchange = value;
      return this;
    }

    /** The AMQP heartbeat; 20 seconds by default. */
    public Builder heartbeat(Duration value) {
      this.heartbeat = value;
      return this;
    }

    /** How long opening a connection may take; 10 seconds by default. */
    public Builder connectionTimeout(Duration value) {
      this.connectionTimeout = value;
      return this;
    }

    /** TLS settings; none by default. */
    public Builder tls(@Nullable RmqTls value) {
      this.tls = value;
      return this;
    }

    /** The reconnect policy; {@link RmqConnectionRetry#DEFAULT} by default. */
    public Builder retry(RmqConnectionRetry value) {
      this.retry = value;
      return this;
    }

    /** The client name the broker shows; {@code brighter} by default. */
    public Builder connectionName(String value) {
      this.connectionName = value;
      return this;
    }

    /**
     * The settings.
     *
     * @throws NullPointerException naming a missing property, e.g. {@code RmqConnection.uri}
     * @throws ConfigurationException when a value is out of range
     */
    public RmqConnection build() {
      return new RmqConnection(
          uri,
          exchange,
          deadLetterExchange == null ? exchange : deadLetterExchange,
          heartbeat,
          connectionTimeout,
          tls,
          retry,
          connectionName);
    }
  }
}
