package io.brighter.serviceactivator;

/** A message could not be turned into a request; the pump rejects it as unacceptable. */
final class MessageMappingException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  MessageMappingException(String message, Throwable cause) {
    super(message, cause);
  }
}
