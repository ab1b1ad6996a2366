package io.brighter.darker;

/** The query used across the tests: the greeting for a name. */
record FindGreeting(String name) implements Query<String> {}
