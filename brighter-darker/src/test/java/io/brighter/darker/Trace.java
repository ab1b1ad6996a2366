package io.brighter.darker;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What ran, in order; kept in the context bag so handlers and decorators can append to it. */
final class Trace {

  private static final String KEY = "test.trace";

  private final List<String> entries = new CopyOnWriteArrayList<>();

  /** A new trace, stored in {@code context}. */
  static Trace in(QueryContext context) {
    Trace trace = new Trace();
    context.bag().put(KEY, trace);
    return trace;
  }

  /** The trace stored in {@code context}. */
  static Trace of(QueryContext context) {
    return (Trace) context.bag().get(KEY);
  }

  void add(String entry) {
    entries.add(entry);
  }

  List<String> entries() {
    return List.copyOf(entries);
  }
}
