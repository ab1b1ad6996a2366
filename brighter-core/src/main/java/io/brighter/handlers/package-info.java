/**
 * Handlers and their pipelines: the {@link io.brighter.handlers.RequestHandler} and {@link
 * io.brighter.handlers.RequestHandlerAsync} base classes, the {@link
 * io.brighter.handlers.SubscriberRegistry} that maps requests to handlers, the {@link
 * io.brighter.handlers.HandlerFactory} that makes them, and the middleware annotations that build a
 * pipeline around a handler.
 */
@NullMarked
package io.brighter.handlers;

import org.jspecify.annotations.NullMarked;
