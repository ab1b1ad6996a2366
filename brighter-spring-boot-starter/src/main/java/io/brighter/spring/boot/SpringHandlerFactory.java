package io.brighter.spring.boot;

import static java.util.Objects.requireNonNull;

import io.brighter.ConfigurationException;
import io.brighter.handlers.HandlerFactory;
import java.util.function.Supplier;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * A {@link HandlerFactory} backed by the application context: every pipeline run gets fresh handler
 * and middleware instances with their dependencies injected.
 *
 * <ul>
 *   <li>A type with a bean definition (a handler annotated {@code @Component @Scope("prototype")},
 *       say) is created with {@code getBean}. Such a bean must be prototype-scoped, because a
 *       pipeline run owns its handlers (each holds its successor and the run's context); a
 *       singleton is refused with a {@link ConfigurationException} naming the bean.
 *   <li>Any other type, such as a middleware handler named by an annotation, is created with {@code
 *       createBean}: its constructor's parameters are autowired and its {@code @Autowired} members
 *       filled, as for a prototype bean.
 * </ul>
 *
 * {@snippet :
 * @Component
 * @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
 * class AddGreetingHandler extends RequestHandler<AddGreeting> {
 *   private final GreetingRepository greetings; // injected
 *   AddGreetingHandler(GreetingRepository greetings) { this.greetings = greetings; }
 *   ...
 * }
 * }
 *
 * <p>{@link #release} runs each instance's destruction callbacks ({@code @PreDestroy}, {@code
 * DisposableBean}) after its run. Thread-safe.
 */
public final class SpringHandlerFactory implements HandlerFactory {

  private final ConfigurableListableBeanFactory beanFactory;

  /** A factory that creates handlers from {@code beanFactory}. */
  public SpringHandlerFactory(ConfigurableListableBeanFactory beanFactory) {
    this.beanFactory = requireNonNull(beanFactory, "beanFactory must not be null");
  }

  @Override
  public Object create(Class<?> handlerType) {
    return creatorFor(handlerType).get();
  }

  @Override
  public Supplier<?> creatorFor(Class<?> handlerType) {
    requireNonNull(handlerType, "handlerType must not be null");
    String[] names = beanFactory.getBeanNamesForType(handlerType, true, false);
    if (names.length == 0) {
      return () -> beanFactory.createBean(handlerType);
    }
    if (names.length > 1) {
      throw new ConfigurationException(
          "Several beans are handlers of type "
              + handlerType.getName()
              + ": "
              + String.join(", ", names)
              + "; define one");
    }
    String name = names[0];
    requirePrototype(beanFactory, name, handlerType);
    return () -> beanFactory.getBean(name, handlerType);
  }

  @Override
  public void release(Object handler) {
    beanFactory.destroyBean(handler);
  }

  /** Refuses a handler bean that is not prototype-scoped. */
  static void requirePrototype(
      ConfigurableListableBeanFactory beanFactory, String name, Class<?> handlerType) {
    if (!beanFactory.isPrototype(name)) {
      throw new ConfigurationException(
          "The handler bean '"
              + name
              + "' ("
              + handlerType.getName()
              + ") must be prototype-scoped, as each pipeline run needs its own instance: annotate"
              + " it with @Scope(\"prototype\")");
    }
  }
}
