package io.brighter.handlers;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keeps the global inbox ({@code CommandProcessor.builder().inbox(InboxConfiguration)}) out of a
 * handler's pipeline. Put it on the handler class or on its {@code handle} / {@code handleAsync}
 * method. A handler with its own {@link UseInbox} also gets no global inbox.
 *
 * {@snippet :
 * @Override
 * @NoGlobalInbox
 * public Heartbeat handle(Heartbeat event) { ... }
 * }
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface NoGlobalInbox {}
