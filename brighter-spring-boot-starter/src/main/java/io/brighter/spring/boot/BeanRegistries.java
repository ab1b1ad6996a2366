package io.brighter.spring.boot;

import io.brighter.Request;
import io.brighter.handlers.RequestHandler;
import io.brighter.handlers.RequestHandlerAsync;
import io.brighter.handlers.SubscriberRegistry;
import io.brighter.messaging.MessageMapper;
import io.brighter.messaging.MessageMapperAsync;
import io.brighter.messaging.MessageMapperRegistry;
import java.util.function.BiConsumer;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * The registries of the command processor, filled from the application's beans: each handler bean
 * is subscribed to the request type it declares, each mapper bean maps the request type it
 * declares.
 */
final class BeanRegistries {

  private BeanRegistries() {}

  /**
   * A registry with every {@link RequestHandler} and {@link RequestHandlerAsync} bean of a concrete
   * request type. Generic handlers, such as middleware, are left out: pipelines create those by
   * type. Each handler bean must be prototype-scoped.
   */
  // Each handler is registered for the request type its own class declares.
  @SuppressWarnings({"unchecked", "rawtypes"})
  static SubscriberRegistry subscribers(ConfigurableListableBeanFactory beanFactory) {
    SubscriberRegistry registry = new SubscriberRegistry();
    eachHandler(
        beanFactory,
        RequestHandler.class,
        (request, handler) -> registry.register((Class) request, (Class) handler));
    eachHandler(
        beanFactory,
        RequestHandlerAsync.class,
        (request, handler) -> registry.registerAsync((Class) request, (Class) handler));
    return registry;
  }

  /**
   * Calls {@code register} with the request (or query) type and class of every prototype bean of
   * {@code handlerType} that handles a concrete type; refuses singletons.
   */
  static void eachHandler(
      ConfigurableListableBeanFactory beanFactory,
      Class<?> handlerType,
      BiConsumer<Class<?>, Class<?>> register) {
    for (BeanTypes.Found handler : BeanTypes.find(beanFactory, handlerType)) {
      if (BeanTypes.handlesConcreteType(handler)) {
        SpringHandlerFactory.requirePrototype(beanFactory, handler.name(), handler.beanClass());
        register.accept(handler.concreteArgument(0, handlerType), handler.beanClass());
      }
    }
  }

  /**
   * A registry with every {@link MessageMapper} and {@link MessageMapperAsync} bean, each for the
   * request type it declares; other request types are mapped as JSON.
   */
  // Each mapper is registered for the request type its own class declares.
  @SuppressWarnings({"unchecked", "rawtypes"})
  static MessageMapperRegistry mappers(ConfigurableListableBeanFactory beanFactory) {
    MessageMapperRegistry registry = new MessageMapperRegistry();
    for (BeanTypes.Found mapper : BeanTypes.find(beanFactory, MessageMapper.class)) {
      Class requestType = mapper.concreteArgument(0, MessageMapper.class);
      registry.register(
          (Class<? extends Request>) requestType,
          beanFactory.getBean(mapper.name(), MessageMapper.class));
    }
    for (BeanTypes.Found mapper : BeanTypes.find(beanFactory, MessageMapperAsync.class)) {
      Class requestType = mapper.concreteArgument(0, MessageMapperAsync.class);
      registry.registerAsync(
          (Class<? extends Request>) requestType,
          beanFactory.getBean(mapper.name(), MessageMapperAsync.class));
    }
    return registry;
  }
}
