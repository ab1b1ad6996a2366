package io.brighter.samples.greetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GreetingsAppTest {

  @Test
  void a_greeting_is_stored_announced_and_found() {
    // given
    ByteArrayOutputStream mails = new ByteArrayOutputStream();
    GreetingsApp app = new GreetingsApp(new PrintStream(mails, true, StandardCharsets.UTF_8));

    // when
    app.greet("Ada", "Hello");
    app.greet("Ada", "Welcome back");

    // then
    assertThat(app.greetingsFor("Ada")).containsExactly("Hello", "Welcome back");
    assertThat(app.greetingsFor("Linus")).isEmpty();
    assertThat(app.greetingCount()).isEqualTo(2);
    assertThat(mails.toString(StandardCharsets.UTF_8)).contains("mail: welcome, Ada!");
  }
}
