package io.brighter.samples.greetings.api;

/** A greeting was addressed to a person the API does not know. */
public final class PersonNotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** For the person called {@code name}. */
  public PersonNotFoundException(String name) {
    super("No person called " + name);
  }
}
