package io.brighter.samples.springgreetings;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Spring Boot sample: an HTTP endpoint stores a greeting and posts its {@link GreetingAdded}
 * through the outbox in the same transaction; a subscription reads the event back from the broker
 * and its handler stores a salutation, once, behind the inbox. RabbitMQ (the default profile) or
 * Kafka ({@code --spring.profiles.active=kafka}) come from properties alone: the application
 * declares no transport beans.
 */
@SpringBootApplication
public class SpringGreetingsApplication {

  /** Starts the application; {@code --exit} ends it after the demo. */
  public static void main(String[] args) {
    SpringApplication.run(SpringGreetingsApplication.class, args);
  }
}
