package io.brighter.samples.springgreetings;

import io.brighter.kafka.EmbeddedKafkaBroker;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The sample on its kafka profile, on the run's Kafka broker. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "greetings.demo.enabled=false")
@ActiveProfiles("kafka")
class SpringGreetingsKafkaIT extends SpringGreetingsScenario {

  @DynamicPropertySource
  static void cluster(DynamicPropertyRegistry registry) {
    registry.add(
        "spring.kafka.bootstrap-servers", () -> EmbeddedKafkaBroker.shared().bootstrapServers());
  }

  @Override
  String brokerHealth() {
    return "brighterKafka";
  }
}
