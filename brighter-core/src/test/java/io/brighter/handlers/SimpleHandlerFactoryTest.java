package io.brighter.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighter.Command;
import io.brighter.ConfigurationException;
import io.brighter.Id;
import org.junit.jupiter.api.Test;

class SimpleHandlerFactoryTest {

  record Noop(Id id) implements Command {}

  static final class PlainHandler extends RequestHandler<Noop> {}

  static final class NeedsArgument extends RequestHandler<Noop> {
    final String greeting;

    NeedsArgument(String greeting) {
      this.greeting = greeting;
    }
  }

  @Test
  void builds_handlers_with_a_no_argument_constructor_anew_each_time() {
    SimpleHandlerFactory factory = new SimpleHandlerFactory();

    Object first = factory.create(PlainHandler.class);
    Object second = factory.create(PlainHandler.class);

    assertThat(first).isInstanceOf(PlainHandler.class).isNotSameAs(second);
  }

  @Test
  void uses_a_registered_supplier() {
    SimpleHandlerFactory factory =
        new SimpleHandlerFactory().register(NeedsArgument.class, () -> new NeedsArgument("hi"));

    assertThat(factory.create(NeedsArgument.class))
        .isInstanceOfSatisfying(NeedsArgument.class, h -> assertThat(h.greeting).isEqualTo("hi"));
  }

  @Test
  void explains_how_to_build_a_handler_without_a_no_argument_constructor() {
    SimpleHandlerFactory factory = new SimpleHandlerFactory();

    assertThatThrownBy(() -> factory.create(NeedsArgument.class))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(NeedsArgument.class.getName())
        .hasMessageContaining("SimpleHandlerFactory.register");
  }
}
