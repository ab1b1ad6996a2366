package io.brighter.spring.boot;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Subscribes a handler bean to a topic: the starter makes the {@code Subscription} of its request
 * type on the transport the application uses, so the dispatcher runs it with no subscription bean
 * or property. A blocking handler ({@code RequestHandler}) gets a reactor pump, an asynchronous one
 * ({@code RequestHandlerAsync}) a proactor.
 *
 * {@snippet :
 * @Component
 * @Scope("prototype")
 * @Subscribe(topic = "greeting.added", channel = "greeter")
 * class GreetingAddedHandler extends RequestHandler<GreetingAdded> { ... }
 * }
 *
 * <p>With one transport on the class path ({@code brighter-rabbitmq}, {@code brighter-kafka} or
 * {@code brighter-aws}) it is that one; with several, {@link #transport()} must name it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Subscribe {

  /** The routing key read. */
  String topic();

  /** The channel's (queue's, or Kafka consumer group's) name; the topic's when empty. */
  String channel() default "";

  /** The subscription's name; the channel's when empty. */
  String name() default "";

  /** The number of pumps; the subscription's default (one) when 0. */
  int performers() default 0;

  /** The transport, when more than one is on the class path. */
  Transport transport() default Transport.AUTO;

  /** The transports a handler can subscribe through. */
  enum Transport {
    /** The only transport on the class path. */
    AUTO,
    /** RabbitMQ ({@code brighter-rabbitmq}). */
    RABBITMQ,
    /** Kafka ({@code brighter-kafka}). */
    KAFKA,
    /** AWS SNS and SQS ({@code brighter-aws}). */
    AWS
  }
}
