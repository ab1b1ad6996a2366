package io.brighter.handlers;

import io.brighter.ConfigurationException;
import io.brighter.handlers.inbox.InboxSettings;
import io.brighter.handlers.inbox.UseInboxHandler;
import io.brighter.handlers.inbox.UseInboxHandlerAsync;
import io.brighter.inbox.InboxConfiguration;
import io.brighter.internal.MiddlewareSettings;
import io.brighter.internal.PipelineReflection;
import java.lang.reflect.Method;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Decides, per command processor, whether a handler's pipeline gets the global inbox, and makes its
 * step. Kept out of the blueprint, which is shared by every processor.
 */
final class GlobalInbox {

  /** Stands for the global inbox where a step needs an annotation; its members are unused. */
  private static final UseInbox ANNOTATION = marker();

  private GlobalInbox() {}

  /**
   * The outermost inbox step for {@code blueprint}'s pipeline; null when there is no global inbox,
   * the handler has its own {@link UseInbox}, or it opts out with {@link NoGlobalInbox}.
   */
  static @Nullable MiddlewareStep stepFor(
      @Nullable InboxConfiguration global, HandlerBlueprint blueprint) {
    if (global == null || hasOwnInbox(blueprint) || optsOut(blueprint)) {
      return null;
    }
    Class<?> target = blueprint.handlerType();
    InboxSettings settings = InboxSettings.of(global, target);
    return new MiddlewareStep(
        new MiddlewareSettings(ANNOTATION, target, settings),
        blueprint.async() ? UseInboxHandlerAsync.class : UseInboxHandler.class,
        Integer.MIN_VALUE,
        HandlerTiming.BEFORE);
  }

  private static boolean hasOwnInbox(HandlerBlueprint blueprint) {
    return Stream.concat(blueprint.before().stream(), blueprint.after().stream())
        .anyMatch(step -> step.settings().annotation() instanceof UseInbox);
  }

  private static boolean optsOut(HandlerBlueprint blueprint) {
    Class<?> target = blueprint.handlerType();
    if (target.isAnnotationPresent(NoGlobalInbox.class)) {
      return true;
    }
    Method method =
        blueprint.async()
            ? PipelineReflection.handlerMethod(target, RequestHandlerAsync.class, "handleAsync")
            : PipelineReflection.handlerMethod(target, RequestHandler.class, "handle");
    return method != null && method.isAnnotationPresent(NoGlobalInbox.class);
  }

  @UseInbox(step = Integer.MIN_VALUE, contextKey = "global")
  private static void globalInbox() {}

  private static UseInbox marker() {
    try {
      return GlobalInbox.class.getDeclaredMethod("globalInbox").getAnnotation(UseInbox.class);
    } catch (NoSuchMethodException e) {
      throw new ConfigurationException("The global inbox marker is missing", e);
    }
  }
}
