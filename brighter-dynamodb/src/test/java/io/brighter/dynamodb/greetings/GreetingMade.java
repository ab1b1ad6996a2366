package io.brighter.dynamodb.greetings;

import io.brighter.Event;
import io.brighter.Id;

/** A person made a greeting; published through the outbox. */
public record GreetingMade(Id id, String name, String greeting) implements Event {}
