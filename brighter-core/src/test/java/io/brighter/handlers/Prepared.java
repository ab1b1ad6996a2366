package io.brighter.handlers;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Test middleware whose settings are prepared once: records "prepared:&lt;label&gt;". */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Middleware(handler = PreparedHandler.class)
public @interface Prepared {
  int step();

  String label();
}
