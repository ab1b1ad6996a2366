package io.brighter.samples.greetings;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Where the sample keeps its greetings: in memory, per name. */
public final class GreetingStore {

  private final Map<String, List<String>> greetings = new ConcurrentHashMap<>();

  /** Stores {@code greeting} for {@code name}. */
  public void add(String name, String greeting) {
    greetings.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>()).add(greeting);
  }

  /** The greetings stored for {@code name}, oldest first. */
  public List<String> find(String name) {
    return List.copyOf(greetings.getOrDefault(name, List.of()));
  }
}
