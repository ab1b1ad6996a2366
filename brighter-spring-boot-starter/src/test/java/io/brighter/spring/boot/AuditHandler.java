package io.brighter.spring.boot;

import io.brighter.Request;
import io.brighter.handlers.RequestHandler;
import io.brighter.spring.boot.Fixtures.Received;
import jakarta.annotation.PreDestroy;

/**
 * The middleware of {@link Audited}: not a bean, so the handler factory creates it and injects its
 * constructor's {@link Received}; it records each request and its own release.
 */
final class AuditHandler<T extends Request> extends RequestHandler<T> {
  private final Received received;

  AuditHandler(Received received) {
    this.received = received;
  }

  @Override
  public T handle(T request) {
    received.names.add("audited " + request.getClass().getSimpleName());
    return super.handle(request);
  }

  @PreDestroy
  void released() {
    received.names.add("released audit");
  }
}
