package io.brighter.dynamodb.greetings;

import io.brighter.Command;
import io.brighter.Id;

/** Adds a greeting to a person. */
public record AddGreeting(Id id, String name, String greeting) implements Command {}
