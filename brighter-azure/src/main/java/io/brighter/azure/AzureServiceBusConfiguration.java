package io.brighter.azure;

import static java.util.Objects.requireNonNull;

import com.azure.core.amqp.AmqpRetryOptions;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.messaging.servicebus.ServiceBusClientBuilder;
import com.azure.messaging.servicebus.administration.ServiceBusAdministrationClient;
import com.azure.messaging.servicebus.administration.ServiceBusAdministrationClientBuilder;
import io.brighter.ConfigurationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How the Service Bus transport reaches a namespace: a connection string, or the namespace's fully
 * qualified name and a {@link TokenCredential} (a managed identity, say). The producers and
 * consumers made with one configuration share one AMQP connection.
 *
 * {@snippet :
 * AzureServiceBusConfiguration bus = AzureServiceBusConfiguration.builder()
 *     .connectionString(System.getenv("SERVICEBUS_CONNECTION_STRING"))
 *     .build();
 * AzureServiceBusConfiguration withIdentity = AzureServiceBusConfiguration.builder()
 *     .fullyQualifiedNamespace("orders.servicebus.windows.net")
 *     .credential(new DefaultAzureCredentialBuilder().build())
 *     .build();
 * }
 *
 * <p>Thread-safe.
 */
public final class AzureServiceBusConfiguration {

  /** How many messages the producer's bulk send puts in one batch unless told otherwise. */
  public static final int DEFAULT_BULK_SEND_BATCH_SIZE = 10;

  private final @Nullable String connectionString;
  private final @Nullable String fullyQualifiedNamespace;
  private final @Nullable TokenCredential credential;
  private final int bulkSendBatchSize;
  private final @Nullable AmqpRetryOptions retryOptions;
  private final List<HttpPipelinePolicy> administrationPolicies;
  private final ServiceBusClientBuilder clients;
  private volatile @Nullable ServiceBusAdministrationClient administration;

  private AzureServiceBusConfiguration(Builder builder) {
    this.connectionString = builder.connectionString;
    this.fullyQualifiedNamespace = builder.fullyQualifiedNamespace;
    this.credential = builder.credential;
    this.bulkSendBatchSize = builder.bulkSendBatchSize;
    this.retryOptions = builder.retryOptions;
    this.administrationPolicies = List.copyOf(builder.administrationPolicies);
    this.clients = newClients(retryOptions == null ? new AmqpRetryOptions() : retryOptions);
  }

  /** A builder of clients on a connection of their own, to the namespace, retrying as given. */
  private ServiceBusClientBuilder newClients(AmqpRetryOptions retries) {
    ServiceBusClientBuilder builder = new ServiceBusClientBuilder().retryOptions(retries);
    return connectionString != null
        ? builder.connectionString(connectionString)
        : builder.credential(requireNonNull(fullyQualifiedNamespace), requireNonNull(credential));
  }

  /** A configuration to fill. */
  public static Builder builder() {
    return new Builder();
  }

  /** How many messages the producer's bulk send puts in one batch at most. */
  public int bulkSendBatchSize() {
    return bulkSendBatchSize;
  }

  /** The builder the transport's clients come from, so they share its connection. */
  ServiceBusClientBuilder clients() {
    return clients;
  }

  /**
   * A builder of clients on a connection of their own whose operations each wait at most {@code
   * tryTimeout}: for session receivers, whose wait for a free session is one such operation.
   */
  ServiceBusClientBuilder sessionClients(Duration tryTimeout) {
    AmqpRetryOptions retries =
        retryOptions == null ? new AmqpRetryOptions() : new AmqpRetryOptions(retryOptions);
    return newClients(retries.setTryTimeout(tryTimeout));
  }

  /**
   * The administration client, for making and checking queues, topics and subscriptions: made on
   * first use and shared by the producers and consumers of this configuration.
   */
  ServiceBusAdministrationClient administrationClient() {
    ServiceBusAdministrationClient client = administration;
    if (client == null) {
      synchronized (this) {
        client = administration;
        if (client == null) {
          ServiceBusAdministrationClientBuilder builder =
              new ServiceBusAdministrationClientBuilder();
          if (connectionString != null) {
            builder.connectionString(connectionString);
          } else {
            builder.credential(requireNonNull(fullyQualifiedNamespace), requireNonNull(credential));
          }
          administrationPolicies.forEach(builder::addPolicy);
          client = builder.buildClient();
          administration = client;
        }
      }
    }
    return client;
  }

  /** Fills an {@link AzureServiceBusConfiguration}. */
  public static final class Builder {
    private @Nullable String connectionString;
    private @Nullable String fullyQualifiedNamespace;
    private @Nullable TokenCredential credential;
    private int bulkSendBatchSize = DEFAULT_BULK_SEND_BATCH_SIZE;
    private @Nullable AmqpRetryOptions retryOptions;
    private final List<HttpPipelinePolicy> administrationPolicies = new ArrayList<>();

    private Builder() {}

    /** The namespace's connection string (shared access key, or the development emulator's). */
    public Builder connectionString(String value) {
      this.connectionString = requireNonNull(value, "connectionString must not be null");
      return this;
    }

    /** The namespace's host, e.g. {@code orders.servicebus.windows.net}, for a credential. */
    public Builder fullyQualifiedNamespace(String value) {
      this.fullyQualifiedNamespace =
          requireNonNull(value, "fullyQualifiedNamespace must not be null");
      return this;
    }

    /** The credential to reach {@link #fullyQualifiedNamespace} with. */
    public Builder credential(TokenCredential value) {
      this.credential = requireNonNull(value, "credential must not be null");
      return this;
    }

    /** How many messages a bulk send puts in one batch at most; 10 unless set. */
    public Builder bulkSendBatchSize(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("bulkSendBatchSize must be at least 1: " + value);
      }
      this.bulkSendBatchSize = value;
      return this;
    }

    /** The SDK's retry of AMQP operations; the SDK's default unless set. */
    public Builder retryOptions(AmqpRetryOptions value) {
      this.retryOptions = requireNonNull(value, "retryOptions must not be null");
      return this;
    }

    /**
     * A policy added to the administration client's HTTP pipeline (a proxy's, or the one that sends
     * its calls to a local namespace).
     */
    public Builder administrationPolicy(HttpPipelinePolicy value) {
      administrationPolicies.add(requireNonNull(value, "administrationPolicy must not be null"));
      return this;
    }

    /**
     * The configuration.
     *
     * @throws ConfigurationException unless exactly one of a connection string, or a namespace and
     *     a credential, is given
     */
    public AzureServiceBusConfiguration build() {
      boolean byKey = connectionString != null;
      boolean byCredential = fullyQualifiedNamespace != null || credential != null;
      if (byKey == byCredential) {
        throw new ConfigurationException(
            "Give Service Bus either a connection string, or a fully qualified namespace and a"
                + " credential");
      }
      if (byCredential && (fullyQualifiedNamespace == null || credential == null)) {
        throw new ConfigurationException(
            "A Service Bus credential needs the fully qualified namespace, and the namespace a"
                + " credential");
      }
      return new AzureServiceBusConfiguration(this);
    }
  }
}
