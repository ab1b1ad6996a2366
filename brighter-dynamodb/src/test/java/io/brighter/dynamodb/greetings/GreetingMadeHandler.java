package io.brighter.dynamodb.greetings;

import io.brighter.handlers.RequestHandler;
import java.util.List;

/** Receives the published greetings and records them. */
public final class GreetingMadeHandler extends RequestHandler<GreetingMade> {

  private final List<GreetingMade> received;

  public GreetingMadeHandler(List<GreetingMade> received) {
    this.received = received;
  }

  @Override
  public GreetingMade handle(GreetingMade event) {
    received.add(event);
    return super.handle(event);
  }
}
