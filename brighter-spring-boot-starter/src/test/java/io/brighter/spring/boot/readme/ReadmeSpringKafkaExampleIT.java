package io.brighter.spring.boot.readme;

import io.brighter.kafka.EmbeddedKafkaBroker;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The README's complete Spring Boot example on Kafka: the same application with the README's Kafka
 * properties, on the run's Kafka broker in place of the README's {@code 127.0.0.1:9092}.
 */
@SpringBootTest(classes = GreetingsApplication.class)
@TestPropertySource(locations = "classpath:readme-kafka-application.properties")
class ReadmeSpringKafkaExampleIT extends ReadmeSpringExample {

  @DynamicPropertySource
  static void cluster(DynamicPropertyRegistry registry) {
    registry.add(
        "spring.kafka.bootstrap-servers", () -> EmbeddedKafkaBroker.shared().bootstrapServers());
  }

  @Override
  String properties() {
    return "brighter-spring-boot-starter/src/test/resources/readme-kafka-application.properties";
  }
}
