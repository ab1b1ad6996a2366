package io.brighter.spring.boot.readme;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

/** The README's complete Spring Boot example on the loopback RabbitMQ. */
@SpringBootTest(classes = GreetingsApplication.class)
@TestPropertySource(locations = "classpath:readme-application.properties")
class ReadmeSpringExampleIT extends ReadmeSpringExample {

  @Override
  String properties() {
    return "brighter-spring-boot-starter/src/test/resources/readme-application.properties";
  }
}
