package io.brighter.messaging.transforms;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes an outgoing message a CloudEvent. The attributes {@code source}, {@code type}, {@code
 * subject} and {@code dataschema} come from this annotation where given, else from the publication,
 * and never replace a value the mapper chose (one that is neither the header default nor the
 * publication's). In {@link CloudEventsFormat#BINARY} mode they stay in the header; in {@link
 * CloudEventsFormat#JSON} mode the body becomes a structured CloudEvents envelope of content type
 * {@code application/cloudevents+json}, the data inlined when the body is JSON and in {@code
 * data_base64} otherwise. Pair it with {@link ReadFromCloudEvents}.
 *
 * {@snippet :
 * @Override
 * @CloudEvents(step = 1, format = CloudEventsFormat.JSON, type = "io.example.greeting.added")
 * public Message mapToMessage(GreetingAdded event, Publication publication) { ... }
 * }
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Transform(value = CloudEventsTransform.class, direction = Transform.Direction.WRAP)
public @interface CloudEvents {

  /** Position among the transforms: lower runs first. */
  int step();

  /** Binary (header) or structured JSON mode; binary by default. */
  CloudEventsFormat format() default CloudEventsFormat.BINARY;

  /** The {@code source} URI; empty takes the publication's. */
  String source() default "";

  /** The {@code type}; empty takes the publication's. */
  String type() default "";

  /** The {@code subject}; empty takes the publication's. */
  String subject() default "";

  /** The {@code dataschema} URI; empty takes the publication's. */
  String dataSchema() default "";
}
