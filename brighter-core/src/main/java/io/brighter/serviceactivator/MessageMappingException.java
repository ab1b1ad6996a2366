package io.brighter.serviceactivator;

import org.jspecify.annotations.Nullable;

/** A message could not be turned into a request; the pump rejects it as unacceptable. */
final class MessageMappingException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  MessageMappingException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
