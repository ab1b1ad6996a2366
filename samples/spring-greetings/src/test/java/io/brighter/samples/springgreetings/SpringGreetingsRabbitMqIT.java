package io.brighter.samples.springgreetings;

import org.springframework.boot.test.context.SpringBootTest;

/** The sample on its default profile: PostgreSQL and the loopback RabbitMQ. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "greetings.demo.enabled=false")
class SpringGreetingsRabbitMqIT extends SpringGreetingsScenario {

  @Override
  String brokerHealth() {
    return "brighterRabbitMq";
  }
}
