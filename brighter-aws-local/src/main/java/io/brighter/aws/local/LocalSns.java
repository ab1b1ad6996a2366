package io.brighter.aws.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.brighter.aws.local.SnsTopics.Publish;
import io.brighter.aws.local.SnsTopics.Published;
import io.brighter.aws.local.SnsTopics.Subscription;
import io.brighter.aws.local.SnsTopics.Topic;
import io.brighter.local.DaemonHttpServers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * An SNS endpoint in this JVM that fans out into a {@link LocalSqs}: the unmodified AWS SDK talks
 * to it over HTTP in SNS's query protocol. It answers {@code CreateTopic} (standard and FIFO, with
 * content-based deduplication), {@code DeleteTopic}, {@code GetTopicAttributes}, {@code
 * SetTopicAttributes}, {@code ListTopics}, {@code Subscribe} (SQS queues, by ARN, with {@code
 * RawMessageDelivery} and an exact-match {@code FilterPolicy}), {@code Unsubscribe}, {@code
 * GetSubscriptionAttributes}, {@code SetSubscriptionAttributes}, {@code ListSubscriptionsByTopic},
 * {@code Publish} and {@code PublishBatch}, as SNS documents them ({@link SnsTopics}, {@link
 * SqsDelivery}). Requests run one at a time, so each publish reaches every queue before the next.
 * Requests in SQS's JSON protocol ({@code X-Amz-Target: AmazonSQS.*}) pass unchanged to the {@link
 * LocalSqs} behind, so this one endpoint serves SNS and SQS clients alike.
 *
 * {@snippet :
 * LocalSns sns = LocalSns.shared(); // and LocalSqs.shared() behind it
 * SnsClient client = sns.client();
 * }
 *
 * <p>What it does not model: other protocols than SQS (HTTP, e-mail, Lambda), filter policies
 * beyond exact matches (prefixes, numeric ranges, {@code anything-but} are refused), message
 * signatures (the envelope's is not real), delivery retries and policies, access policies, tags,
 * and any limit on the number of topics. Topics live in memory and go with the JVM.
 */
public final class LocalSns implements AutoCloseable {

  private static final String NAMESPACE = "http://sns.amazonaws.com/doc/2010-03-31/";

  private static final class Shared {
    private static final LocalSns INSTANCE = startShared();

    private static LocalSns startShared() {
      LocalSns sns = start(LocalSqs.shared());
      Runtime.getRuntime().addShutdownHook(new Thread(sns::close, "stop-local-sns"));
      return sns;
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final ReentrantLock lock = new ReentrantLock();
  private final SqsClient sqs;
  private final URI sqsEndpoint;
  private final HttpClient http = HttpClient.newHttpClient();
  private final SnsTopics topics;

  private LocalSns(HttpServer server, LocalSqs queues) {
    this.server = server;
    this.sqs = queues.client();
    this.sqsEndpoint = queues.endpoint();
    this.topics = new SnsTopics(LocalSqs.REGION.id(), new SqsDelivery(sqs), Clock.systemUTC());
  }

  /** The endpoint this JVM shares, in front of {@link LocalSqs#shared()}, started on first use. */
  public static LocalSns shared() {
    return Shared.INSTANCE;
  }

  /** A new endpoint on a free loopback port delivering to {@code sqs}; close it when done. */
  public static LocalSns start(LocalSqs sqs) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
      LocalSns sns = new LocalSns(server, sqs);
      server.createContext("/", sns::handle);
      server.setExecutor(sns.executor);
      DaemonHttpServers.start(server);
      return sns;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not open the local SNS's port", e);
    }
  }

  /** Where the endpoint listens. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** A new client of the endpoint; the caller closes it. */
  public SnsClient client() {
    return SnsClient.builder()
        .endpointOverride(endpoint())
        .region(LocalSqs.REGION)
        .credentialsProvider(LocalSqs.credentials())
        .build();
  }

  /** Stops the endpoint; its topics go with it. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    sqs.close();
    http.close();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] raw;
      try (InputStream in = exchange.getRequestBody()) {
        raw = in.readAllBytes();
      }
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      if (target != null && target.startsWith("AmazonSQS.")) {
        forwardToSqs(exchange, target, raw);
        return;
      }
      SnsRequest request = SnsRequest.parse(new String(raw, StandardCharsets.UTF_8));
      String action = request.get("Action");
      int status = 200;
      String reply;
      lock.lock();
      try {
        reply = respond(action == null ? "" : action, request);
      } catch (SnsError error) {
        status = error.status();
        reply =
            "<ErrorResponse xmlns=\""
                + NAMESPACE
                + "\"><Error><Type>Sender</Type><Code>"
                + error.code()
                + "</Code><Message>"
                + xml(String.valueOf(error.getMessage()))
                + "</Message></Error><RequestId>"
                + UUID.randomUUID()
                + "</RequestId></ErrorResponse>";
      } finally {
        lock.unlock();
      }
      byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/xml");
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  /** Passes a request of SQS's JSON protocol to the SQS endpoint behind, and its answer back. */
  private void forwardToSqs(HttpExchange exchange, String target, byte[] body) throws IOException {
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    HttpRequest request =
        HttpRequest.newBuilder(sqsEndpoint.resolve(exchange.getRequestURI()))
            .header("X-Amz-Target", target)
            .header(
                "Content-Type", contentType == null ? "application/x-amz-json-1.0" : contentType)
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while forwarding to SQS", e);
    }
    response
        .headers()
        .map()
        .forEach(
            (name, values) -> {
              if (name.equalsIgnoreCase("content-type") || name.toLowerCase().startsWith("x-amz")) {
                exchange.getResponseHeaders().put(name, values);
              }
            });
    byte[] answer = response.body();
    exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(answer);
    }
  }

  private String respond(String action, SnsRequest request) {
    StringBuilder result = new StringBuilder();
    switch (action) {
      case "CreateTopic" -> {
        Topic topic = topics.create(request.required("Name"), request.map("Attributes"));
        result.append(element("TopicArn", topic.arn()));
      }
      case "DeleteTopic" -> topics.delete(request.required("TopicArn"));
      case "GetTopicAttributes" -> {
        Topic topic = topics.topic(request.required("TopicArn"));
        result.append("<Attributes>");
        entry(result, "TopicArn", topic.arn());
        entry(result, "Owner", SnsTopics.ACCOUNT);
        entry(result, "FifoTopic", Boolean.toString(topic.fifo()));
        entry(
            result,
            "SubscriptionsConfirmed",
            Integer.toString(topics.subscriptions(topic.arn()).size()));
        topic
            .attributes()
            .forEach(
                (name, value) -> {
                  if (!name.equals("FifoTopic")) {
                    entry(result, name, value);
                  }
                });
        result.append("</Attributes>");
      }
      case "SetTopicAttributes" -> topics.topic(request.required("TopicArn"));
      case "ListTopics" -> {
        result.append("<Topics>");
        for (Topic topic : topics.topics()) {
          result.append("<member>").append(element("TopicArn", topic.arn())).append("</member>");
        }
        result.append("</Topics>");
      }
      case "Subscribe" -> {
        Subscription subscription =
            topics.subscribe(
                request.required("TopicArn"),
                request.required("Protocol"),
                request.required("Endpoint"),
                request.map("Attributes"));
        result.append(element("SubscriptionArn", subscription.arn()));
      }
      case "Unsubscribe" -> topics.unsubscribe(request.required("SubscriptionArn"));
      case "GetSubscriptionAttributes" -> {
        Subscription subscription = topics.subscription(request.required("SubscriptionArn"));
        result.append("<Attributes>");
        entry(result, "SubscriptionArn", subscription.arn());
        entry(result, "TopicArn", subscription.topicArn());
        entry(result, "Protocol", subscription.protocol());
        entry(result, "Endpoint", subscription.endpoint());
        entry(result, "RawMessageDelivery", Boolean.toString(subscription.raw()));
        subscription
            .attributes()
            .forEach(
                (name, value) -> {
                  if (!name.equals("RawMessageDelivery")) {
                    entry(result, name, value);
                  }
                });
        result.append("</Attributes>");
      }
      case "SetSubscriptionAttributes" ->
          topics.setSubscriptionAttribute(
              request.required("SubscriptionArn"),
              request.required("AttributeName"),
              request.required("AttributeValue"));
      case "ListSubscriptionsByTopic" -> {
        result.append("<Subscriptions>");
        for (Subscription subscription : topics.subscriptions(request.required("TopicArn"))) {
          result
              .append("<member>")
              .append(element("SubscriptionArn", subscription.arn()))
              .append(element("Owner", SnsTopics.ACCOUNT))
              .append(element("Protocol", subscription.protocol()))
              .append(element("Endpoint", subscription.endpoint()))
              .append(element("TopicArn", subscription.topicArn()))
              .append("</member>");
        }
        result.append("</Subscriptions>");
      }
      case "Publish" -> {
        Published published =
            topics.publish(
                new Publish(
                    request.required("TopicArn"),
                    request.required("Message"),
                    request.get("Subject"),
                    request.attributes("MessageAttributes"),
                    request.get("MessageGroupId"),
                    request.get("MessageDeduplicationId")));
        result.append(element("MessageId", published.messageId()));
        if (published.sequenceNumber() != null) {
          result.append(element("SequenceNumber", published.sequenceNumber()));
        }
      }
      case "PublishBatch" -> publishBatch(request, result);
      case "TagResource", "UntagResource" -> {}
      default -> throw SnsError.invalidParameter("The local SNS does not answer " + action);
    }
    return "<"
        + action
        + "Response xmlns=\""
        + NAMESPACE
        + "\"><"
        + action
        + "Result>"
        + result
        + "</"
        + action
        + "Result><ResponseMetadata><RequestId>"
        + UUID.randomUUID()
        + "</RequestId></ResponseMetadata></"
        + action
        + "Response>";
  }

  /** Publishes each entry of a batch on its own: one entry's failure does not stop the others. */
  private void publishBatch(SnsRequest request, StringBuilder result) {
    String topicArn = request.required("TopicArn");
    topics.topic(topicArn);
    StringBuilder successful = new StringBuilder("<Successful>");
    StringBuilder failed = new StringBuilder("<Failed>");
    for (String entry : request.members("PublishBatchRequestEntries")) {
      String id = request.required(entry + ".Id");
      try {
        Published published =
            topics.publish(
                new Publish(
                    topicArn,
                    request.required(entry + ".Message"),
                    request.get(entry + ".Subject"),
                    request.attributes(entry + ".MessageAttributes"),
                    request.get(entry + ".MessageGroupId"),
                    request.get(entry + ".MessageDeduplicationId")));
        successful.append("<member>").append(element("Id", id));
        successful.append(element("MessageId", published.messageId()));
        if (published.sequenceNumber() != null) {
          successful.append(element("SequenceNumber", published.sequenceNumber()));
        }
        successful.append("</member>");
      } catch (SnsError error) {
        failed
            .append("<member>")
            .append(element("Id", id))
            .append(element("Code", error.code()))
            .append(element("Message", String.valueOf(error.getMessage())))
            .append(element("SenderFault", "true"))
            .append("</member>");
      }
    }
    result.append(successful).append("</Successful>").append(failed).append("</Failed>");
  }

  private static void entry(StringBuilder result, String key, String value) {
    result.append("<entry>").append(element("key", key)).append(element("value", value));
    result.append("</entry>");
  }

  private static String element(String name, String value) {
    return "<" + name + ">" + xml(value) + "</" + name + ">";
  }

  private static String xml(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&apos;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
