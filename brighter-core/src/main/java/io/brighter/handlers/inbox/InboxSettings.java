package io.brighter.handlers.inbox;

import static java.util.Objects.requireNonNull;

import io.brighter.ConfigurationException;
import io.brighter.Id;
import io.brighter.Request;
import io.brighter.RequestContext;
import io.brighter.handlers.OnceOnlyAction;
import io.brighter.handlers.UseInbox;
import io.brighter.inbox.Inbox;
import io.brighter.inbox.InboxConfiguration;
import io.brighter.inbox.OnceOnlyException;
import io.brighter.messaging.ContextBagKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an inbox middleware does for one handler class, read once from {@link UseInbox} or from the
 * global {@link InboxConfiguration}.
 *
 * {@snippet :
 * InboxSettings settings = InboxSettings.of(InboxConfiguration.of(inbox), AddGreetingHandler.class);
 * }
 *
 * @param contextKey the inbox context the handler records under; not blank
 * @param onceOnly whether a request recorded before is stopped
 * @param onceOnlyAction what to do with such a request
 * @param targetHandler the handler whose pipeline this is, for messages
 */
public record InboxSettings(
    String contextKey, boolean onceOnly, OnceOnlyAction onceOnlyAction, Class<?> targetHandler) {

  private static final Logger LOG = LoggerFactory.getLogger(InboxSettings.class);

  /**
   * Checks every part is present and the context key is not blank.
   *
   * @throws ConfigurationException naming the handler when the context key is blank
   */
  public InboxSettings {
    requireNonNull(contextKey, "contextKey must not be null");
    requireNonNull(onceOnlyAction, "onceOnlyAction must not be null");
    requireNonNull(targetHandler, "targetHandler must not be null");
    if (contextKey.isBlank()) {
      throw new ConfigurationException(
          "The inbox of " + targetHandler.getName() + " needs a contextKey that is not blank");
    }
  }

  /** The settings {@code annotation} on {@code targetHandler} asks for. */
  public static InboxSettings of(UseInbox annotation, Class<?> targetHandler) {
    return new InboxSettings(
        annotation.contextKey(), annotation.onceOnly(), annotation.onceOnlyAction(), targetHandler);
  }

  /** The settings the global inbox gives {@code targetHandler}. */
  public static InboxSettings of(InboxConfiguration global, Class<?> targetHandler) {
    String key = global.contextKey().apply(targetHandler);
    if (key == null) {
      throw new ConfigurationException(
          "The global inbox's contextKey strategy returned null for " + targetHandler.getName());
    }
    return new InboxSettings(key, global.onceOnly(), global.onceOnlyAction(), targetHandler);
  }

  /** The inbox of {@code context}; a {@link ConfigurationException} naming the handler if none. */
  Inbox inbox(RequestContext context) {
    return context
        .inbox()
        .orElseThrow(
            () ->
                new ConfigurationException(
                    targetHandler.getName()
                        + " uses an inbox but none is configured: pass one to"
                        + " CommandProcessor.builder().inbox(...)"));
  }

  /**
   * Puts the request's id in the bag as the causation id unless one is there, and returns the
   * causation id in force.
   */
  static Id causationId(Request request, RequestContext context) {
    Object value = context.bag().putIfAbsent(ContextBagKeys.CAUSATION_ID, request.id());
    if (value == null) {
      return request.id();
    }
    return value instanceof Id id ? id : Id.of(value.toString());
  }

  /**
   * Meets a request recorded before: throws, or warns or replays and returns the request.
   *
   * @throws OnceOnlyException when the action is {@code THROW}
   */
  <T extends Request> T duplicate(T request, RequestContext context, Id causationId) {
    switch (onceOnlyAction) {
      case THROW -> throw OnceOnlyException.alreadyHandled(request, contextKey);
      case WARN ->
          LOG.warn(
              "{} with id {} has already been handled in context '{}'; skipping {}",
              request.getClass().getName(),
              request.id(),
              contextKey,
              targetHandler.getName());
      case REPLAY -> {
        int sent = context.causationReplay().map(replay -> replay.replay(causationId)).orElse(0);
        LOG.info(
            "{} with id {} has already been handled in context '{}'; replayed {} message(s)",
            request.getClass().getName(),
            request.id(),
            contextKey,
            sent);
      }
    }
    return request;
  }
}
