package io.brighter.samples.greetings;

import io.brighter.messaging.inmemory.InMemoryBus;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The sample's command line: {@code --db sqlite|postgres|mariadb|dynamodb} (default {@code sqlite},
 * files under {@code --data-dir}, default {@code target/greetings-data}; DynamoDB at {@code
 * --dynamodb-endpoint local|aws|URL}, default {@code BRIGHTER_DYNAMODB_ENDPOINT} or {@code local},
 * the local DynamoDB started in this process, see {@link SampleDynamoDb}), {@code --bus
 * memory|kafka|rabbitmq|sns|azure} (default {@code memory}; Kafka at {@code --kafka HOST:PORT},
 * default {@code BRIGHTER_KAFKA_BOOTSTRAP} or {@code 127.0.0.1:9092}; RabbitMQ at {@code --rabbitmq
 * URI}, default {@code BRIGHTER_RABBITMQ_URI} or {@code amqp://guest:guest@127.0.0.1:5672}; {@code
 * --bus sns} at {@code --aws-endpoint local|aws|URL}, default {@code BRIGHTER_AWS_ENDPOINT} or
 * {@code local}, the local SNS and SQS started in this process; {@code --bus azure} on the Service
 * Bus namespace whose connection string is in {@code BRIGHTER_AZURE_SERVICEBUS_CONNECTION_STRING},
 * else the local one started in this process), {@code --port N} (default 8080; 0 picks a free port)
 * and {@code --exit} (stop after the demo instead of serving on).
 *
 * @param database where both services keep their tables
 * @param bus what joins the two services
 * @param kafkaBootstrap the Kafka cluster, for {@link Bus#KAFKA}
 * @param rabbitUri the RabbitMQ broker, for {@link Bus#RABBITMQ}
 * @param dynamoDbEndpoint the DynamoDB endpoint, for {@link SampleDatabase#DYNAMODB}
 * @param awsEndpoint the SNS and SQS endpoint, for {@link Bus#SNS}: {@code local}, {@code aws} or a
 *     URL
 * @param port the greetings API's HTTP port
 * @param dataDir where SQLite files go
 * @param exitAfterDemo whether to stop after the demo
 */
public record SampleOptions(
    SampleDatabase database,
    Bus bus,
    String kafkaBootstrap,
    String rabbitUri,
    String dynamoDbEndpoint,
    String awsEndpoint,
    int port,
    Path dataDir,
    boolean exitAfterDemo) {

  /** What joins the two services. */
  public enum Bus {
    /** The in-memory bus: nothing to run. */
    MEMORY,
    /** A Kafka cluster. */
    KAFKA,
    /** A RabbitMQ broker. */
    RABBITMQ,
    /** AWS SNS and SQS: by default the local endpoints, started in this process. */
    SNS,
    /** Azure Service Bus: by default the local namespace, started in this process. */
    AZURE
  }

  /** How to call the sample. */
  public static final String USAGE =
      "usage: greetings [--db sqlite|postgres|mariadb|dynamodb] [--bus memory|kafka|rabbitmq|sns|azure]"
          + " [--kafka HOST:PORT] [--rabbitmq URI] [--dynamodb-endpoint local|aws|URL]"
          + " [--aws-endpoint local|aws|URL] [--port N] [--data-dir DIR] [--exit]";

  /** The defaults: SQLite, the in-memory bus, port 8080, serve on after the demo. */
  public static SampleOptions defaults() {
    String kafka = System.getenv("BRIGHTER_KAFKA_BOOTSTRAP");
    String rabbit = System.getenv("BRIGHTER_RABBITMQ_URI");
    String dynamoDb = System.getenv("BRIGHTER_DYNAMODB_ENDPOINT");
    String aws = System.getenv("BRIGHTER_AWS_ENDPOINT");
    return new SampleOptions(
        SampleDatabase.SQLITE,
        Bus.MEMORY,
        kafka == null ? "127.0.0.1:9092" : kafka,
        rabbit == null ? "amqp://guest:guest@127.0.0.1:5672" : rabbit,
        dynamoDb == null ? SampleDynamoDb.LOCAL : dynamoDb,
        aws == null ? "local" : aws,
        8080,
        Path.of("target", "greetings-data"),
        false);
  }

  /** Parses {@code args}; throws {@link IllegalArgumentException} with the usage on bad input. */
  public static SampleOptions parse(String[] args) {
    SampleOptions options = defaults();
    for (int i = 0; i < args.length; i++) {
      options =
          switch (args[i]) {
            case "--db" -> options.withDatabase(SampleDatabase.valueOf(upper(value(args, ++i))));
            case "--bus" -> options.withBus(Bus.valueOf(upper(value(args, ++i))), null);
            case "--kafka" -> options.withBus(options.bus, value(args, ++i));
            case "--rabbitmq" -> options.withRabbitUri(value(args, ++i));
            case "--dynamodb-endpoint" -> options.withDynamoDbEndpoint(value(args, ++i));
            case "--aws-endpoint" -> options.withAwsEndpoint(value(args, ++i));
            case "--port" -> options.withPort(Integer.parseInt(value(args, ++i)));
            case "--data-dir" -> options.withDataDir(Path.of(value(args, ++i)));
            case "--exit" -> options.withExitAfterDemo(true);
            default ->
                throw new IllegalArgumentException("Unknown option " + args[i] + "\n" + USAGE);
          };
    }
    return options;
  }

  /** A transport of the chosen kind, new for one run of the sample. */
  public SampleTransport transport() {
    return switch (bus) {
      case MEMORY -> new SampleTransport.InMemory(new InMemoryBus());
      case KAFKA -> new SampleTransport.Kafka(kafkaBootstrap);
      case RABBITMQ -> new SampleTransport.RabbitMq(URI.create(rabbitUri));
      case SNS -> new SampleTransport.Sns(awsEndpoint);
      case AZURE ->
          new SampleTransport.Azure(System.getenv("BRIGHTER_AZURE_SERVICEBUS_CONNECTION_STRING"));
    };
  }

  /** These options with {@code value} as the database. */
  public SampleOptions withDatabase(SampleDatabase value) {
    return new SampleOptions(
        value,
        bus,
        kafkaBootstrap,
        rabbitUri,
        dynamoDbEndpoint,
        awsEndpoint,
        port,
        dataDir,
        exitAfterDemo);
  }

  /** These options with {@code value} as the bus, and Kafka at {@code kafka} when given. */
  public SampleOptions withBus(Bus value, String kafka) {
    return new SampleOptions(
        database,
        value,
        kafka == null ? kafkaBootstrap : kafka,
        rabbitUri,
        dynamoDbEndpoint,
        awsEndpoint,
        port,
        dataDir,
        exitAfterDemo);
  }

  /** These options with RabbitMQ at {@code value}. */
  public SampleOptions withRabbitUri(String value) {
    return new SampleOptions(
        database,
        bus,
        kafkaBootstrap,
        value,
        dynamoDbEndpoint,
        awsEndpoint,
        port,
        dataDir,
        exitAfterDemo);
  }

  /** These options with DynamoDB at {@code value} ({@code aws}: AWS itself). */
  public SampleOptions withDynamoDbEndpoint(String value) {
    return new SampleOptions(
        database, bus, kafkaBootstrap, rabbitUri, value, awsEndpoint, port, dataDir, exitAfterDemo);
  }

  /** These options with SNS and SQS at {@code value} ({@code local}, {@code aws} or a URL). */
  public SampleOptions withAwsEndpoint(String value) {
    return new SampleOptions(
        database,
        bus,
        kafkaBootstrap,
        rabbitUri,
        dynamoDbEndpoint,
        value,
        port,
        dataDir,
        exitAfterDemo);
  }

  /** These options with {@code value} as the HTTP port. */
  public SampleOptions withPort(int value) {
    return new SampleOptions(
        database,
        bus,
        kafkaBootstrap,
        rabbitUri,
        dynamoDbEndpoint,
        awsEndpoint,
        value,
        dataDir,
        exitAfterDemo);
  }

  /** These options with SQLite files under {@code value}. */
  public SampleOptions withDataDir(Path value) {
    return new SampleOptions(
        database,
        bus,
        kafkaBootstrap,
        rabbitUri,
        dynamoDbEndpoint,
        awsEndpoint,
        port,
        value,
        exitAfterDemo);
  }

  /** These options, stopping after the demo when {@code value}. */
  public SampleOptions withExitAfterDemo(boolean value) {
    return new SampleOptions(
        database,
        bus,
        kafkaBootstrap,
        rabbitUri,
        dynamoDbEndpoint,
        awsEndpoint,
        port,
        dataDir,
        value);
  }

  private static String upper(String value) {
    return value.toUpperCase(Locale.ROOT);
  }

  private static String value(String[] args, int index) {
    if (index >= args.length) {
      throw new IllegalArgumentException(args[index - 1] + " needs a value\n" + USAGE);
    }
    return args[index];
  }
}
