package io.brighter.samples.greetings;

import io.brighter.aws.AwsConnection;
import io.brighter.aws.SnsMessageProducer;
import io.brighter.aws.SqsChannelFactory;
import io.brighter.aws.SqsSubscription;
import io.brighter.aws.local.LocalAws;
import io.brighter.azure.AzureServiceBusChannelFactory;
import io.brighter.azure.AzureServiceBusConfiguration;
import io.brighter.azure.AzureServiceBusMessageProducer;
import io.brighter.azure.AzureServiceBusSubscription;
import io.brighter.azure.local.LocalServiceBus;
import io.brighter.kafka.KafkaChannelFactory;
import io.brighter.kafka.KafkaConfiguration;
import io.brighter.kafka.KafkaMessageProducer;
import io.brighter.kafka.KafkaPublication;
import io.brighter.kafka.KafkaSubscription;
import io.brighter.messaging.ChannelFactory;
import io.brighter.messaging.MessageProducer;
import io.brighter.messaging.Publication;
import io.brighter.messaging.inmemory.InMemoryBus;
import io.brighter.messaging.inmemory.InMemoryChannelFactory;
import io.brighter.messaging.inmemory.InMemoryMessageProducer;
import io.brighter.rabbitmq.RmqChannelFactory;
import io.brighter.rabbitmq.RmqConnection;
import io.brighter.rabbitmq.RmqExchange;
import io.brighter.rabbitmq.RmqMessageProducer;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.regions.Region;

/**
 * The bus between the two services: how to make a producer for a publication and the channel
 * factory of a subscription. The in-memory bus needs nothing running, nor do SNS and SQS on the
 * local endpoints, nor Service Bus on the local namespace; Kafka and RabbitMQ need a broker.
 */
public sealed interface SampleTransport {

  /** A producer sending to {@code publication}'s topic. */
  MessageProducer producer(Publication publication);

  /** The channel factory of the salutation service's subscription. */
  ChannelFactory channelFactory();

  /** A short name for the output. */
  String describe();

  /** One bus in this process. */
  record InMemory(InMemoryBus bus) implements SampleTransport {
    @Override
    public MessageProducer producer(Publication publication) {
      return new InMemoryMessageProducer(bus, publication);
    }

    @Override
    public ChannelFactory channelFactory() {
      return new InMemoryChannelFactory(bus);
    }

    @Override
    public String describe() {
      return "in memory";
    }
  }

  /**
   * Kafka at {@code bootstrapServers}; the salutation service reads as group {@code salutations}.
   */
  record Kafka(String bootstrapServers) implements SampleTransport {
    private KafkaConfiguration configuration() {
      return KafkaConfiguration.of(bootstrapServers).withClientId("greetings-sample");
    }

    @Override
    public MessageProducer producer(Publication publication) {
      return new KafkaMessageProducer(configuration(), KafkaPublication.of(publication));
    }

    @Override
    public ChannelFactory channelFactory() {
      return new KafkaChannelFactory(
          configuration(), KafkaSubscription.DEFAULT.withGroupId("salutations"));
    }

    @Override
    public String describe() {
      return "Kafka at " + bootstrapServers;
    }
  }

  /**
   * RabbitMQ at {@code uri}, on the direct exchange {@code greetings.sample}; the salutation
   * service reads the durable queue {@code salutations}.
   */
  record RabbitMq(URI uri) implements SampleTransport {
    private RmqConnection connection() {
      return RmqConnection.builder()
          .uri(uri)
          .exchange(RmqExchange.direct("greetings.sample"))
          .build();
    }

    @Override
    public MessageProducer producer(Publication publication) {
      return new RmqMessageProducer(connection(), publication);
    }

    @Override
    public ChannelFactory channelFactory() {
      return new RmqChannelFactory(connection());
    }

    @Override
    public String describe() {
      return "RabbitMQ at " + uri.getHost() + ":" + uri.getPort();
    }
  }

  /**
   * AWS SNS and SQS at {@code endpoint}: {@code local} for the local endpoints of
   * brighter-aws-local, started in this process; {@code aws} for AWS itself (the SDK's default
   * credentials, region {@code AWS_REGION} or {@code us-east-1}); else the URL of an endpoint. The
   * greetings API publishes to the topic {@code greeting_made}; the salutation service reads the
   * queue {@code salutations}, subscribed to it.
   */
  record Sns(String endpoint) implements SampleTransport {
    private AwsConnection connection() {
      if (endpoint.equals("aws")) {
        String region = System.getenv("AWS_REGION");
        return AwsConnection.builder()
            .region(Region.of(region == null ? "us-east-1" : region))
            .build();
      }
      return AwsConnection.builder()
          .region(LocalAws.REGION)
          .credentialsProvider(LocalAws.credentials())
          .endpointOverride(endpoint.equals("local") ? LocalAws.endpoint() : URI.create(endpoint))
          .build();
    }

    @Override
    public MessageProducer producer(Publication publication) {
      return new SnsMessageProducer(connection(), publication);
    }

    @Override
    public ChannelFactory channelFactory() {
      return new SqsChannelFactory(connection(), SqsSubscription.DEFAULT);
    }

    @Override
    public String describe() {
      return "SNS and SQS "
          + (endpoint.equals("local") ? "on the local endpoints" : "at " + endpoint);
    }
  }

  /**
   * Azure Service Bus in the namespace of {@code connectionString}, or, when it is null, the local
   * namespace of brighter-azure-local started in this process. The greetings API publishes to the
   * topic {@code greeting_made}; the salutation service reads its subscription {@code salutations}.
   */
  record Azure(@Nullable String connectionString) implements SampleTransport {
    private AzureServiceBusConfiguration configuration() {
      if (connectionString != null) {
        return AzureServiceBusConfiguration.builder().connectionString(connectionString).build();
      }
      LocalServiceBus local = LocalServiceBus.shared();
      return AzureServiceBusConfiguration.builder()
          .connectionString(local.connectionString())
          .administrationPolicy(local.administrationPolicy())
          .build();
    }

    @Override
    public MessageProducer producer(Publication publication) {
      return new AzureServiceBusMessageProducer(configuration(), publication);
    }

    @Override
    public ChannelFactory channelFactory() {
      return new AzureServiceBusChannelFactory(
          configuration(), AzureServiceBusSubscription.DEFAULT);
    }

    @Override
    public String describe() {
      return connectionString == null
          ? "Azure Service Bus on the local namespace"
          : "Azure Service Bus";
    }
  }
}
