package io.brighter.handlers;

import io.brighter.internal.HandlerInstances;
import io.brighter.internal.MiddlewareSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A handler's pipeline laid out in run order (middleware before the target, the target, middleware
 * after it) with each element's creator resolved from one builder's {@link HandlerFactory}, so a
 * run makes its instances without looking anything up. Steps a processor adds to every pipeline
 * (the global inbox) are added here, not to the blueprint, which every processor shares.
 */
final class ResolvedPipeline {

  private final HandlerBlueprint blueprint;
  private final Class<?>[] types;
  private final Supplier<?>[] creators;
  private final @Nullable MiddlewareSettings[] settings;

  private ResolvedPipeline(
      HandlerBlueprint blueprint,
      Class<?>[] types,
      Supplier<?>[] creators,
      @Nullable MiddlewareSettings[] settings) {
    this.blueprint = blueprint;
    this.types = types;
    this.creators = creators;
    this.settings = settings;
  }

  /**
   * The pipeline of {@code blueprint} with creators from {@code instances}, and {@code outermost}
   * (the global inbox, say) in front of every other step when given.
   */
  static ResolvedPipeline of(
      HandlerBlueprint blueprint, HandlerInstances instances, @Nullable MiddlewareStep outermost) {
    List<@Nullable MiddlewareStep> order = new ArrayList<>();
    if (outermost != null) {
      order.add(outermost);
    }
    order.addAll(blueprint.before());
    order.add(null);
    order.addAll(blueprint.after());
    int size = order.size();
    Class<?>[] types = new Class<?>[size];
    Supplier<?>[] creators = new Supplier<?>[size];
    @Nullable MiddlewareSettings[] settings = new MiddlewareSettings[size];
    Class<?> target = blueprint.handlerType();
    for (int i = 0; i < size; i++) {
      MiddlewareStep step = order.get(i);
      types[i] = step == null ? target : step.handlerType();
      settings[i] = step == null ? null : step.settings();
      creators[i] = instances.creatorFor(types[i], target);
    }
    return new ResolvedPipeline(blueprint, types, creators, settings);
  }

  boolean async() {
    return blueprint.async();
  }

  Class<?> handlerType() {
    return blueprint.handlerType();
  }

  /** Number of handlers in a run, target included. */
  int size() {
    return types.length;
  }

  Class<?> type(int index) {
    return types[index];
  }

  Supplier<?> creator(int index) {
    return creators[index];
  }

  /** Hands a new instance at {@code index} its middleware settings; the target takes none. */
  void configure(int index, Object handler) {
    MiddlewareSettings middleware = settings[index];
    if (middleware != null) {
      middleware.configure(handler);
    }
  }
}
