package io.brighter.samples.springgreetings;

import io.brighter.Id;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Once the application has started: adds one greeting, waits for its salutation and prints both,
 * with the URLs to try; with {@code --exit}, then ends the application.
 */
@Component
class Demo implements ApplicationRunner {

  private static final Duration WAIT = Duration.ofSeconds(30);

  private final Greetings greetings;
  private final ConfigurableApplicationContext context;
  private final boolean enabled;

  Demo(
      Greetings greetings,
      ConfigurableApplicationContext context,
      @Value("${greetings.demo.enabled:true}") boolean enabled) {
    this.greetings = greetings;
    this.context = context;
    this.enabled = enabled;
  }

  @Override
  public void run(ApplicationArguments args) throws InterruptedException {
    if (!enabled) {
      return;
    }
    String base = "http://127.0.0.1:" + port();
    Id id = greetings.add("Ada");
    System.out.println("added greeting " + id.value() + " for Ada; its event is on its way");
    Optional<Greetings.Greeting> saluted = awaitSalutation(id.value());
    System.out.println(
        saluted
            .map(greeting -> "handled: the salutation is \"" + greeting.salutation() + "\"")
            .orElse("no salutation within " + WAIT.toSeconds() + " s: is the broker up?"));
    System.out.println(
        "try:  curl -i -X POST "
            + base
            + "/greetings -H 'Content-Type: application/json' -d '{\"name\":\"Grace\"}'");
    System.out.println("      curl " + base + "/greetings/" + id.value());
    System.out.println("      curl " + base + "/actuator/health");
    if (args.containsOption("exit")) {
      System.exit(SpringApplication.exit(context, () -> saluted.isPresent() ? 0 : 1));
    }
  }

  private Optional<Greetings.Greeting> awaitSalutation(String id) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<Greetings.Greeting> greeting = greetings.find(id);
      if (greeting.isPresent() && greeting.get().salutation() != null) {
        return greeting;
      }
      Thread.sleep(100);
    }
    return Optional.empty();
  }

  private int port() {
    return context instanceof WebServerApplicationContext web ? web.getWebServer().getPort() : 0;
  }
}
