package io.brighter.spring.boot;

import io.brighter.handlers.Middleware;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A user's middleware: {@link AuditHandler} runs before the annotated handler. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Middleware(handler = AuditHandler.class)
@interface Audited {
  int step();
}
