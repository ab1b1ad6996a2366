package io.brighter.handlers;

import io.brighter.RequestContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the handlers of a test did, in order; travels in the request context bag. */
public final class Journal {

  public static final String KEY = "journal";

  private final List<String> entries = new CopyOnWriteArrayList<>();

  /** A context carrying a fresh journal. */
  public static RequestContext newContext(Journal journal) {
    RequestContext context = new RequestContext();
    context.bag().put(KEY, journal);
    return context;
  }

  static void record(RequestContext context, String entry) {
    Object journal = context.bag().get(KEY);
    if (journal instanceof Journal found) {
      found.entries.add(entry);
    }
  }

  public void add(String entry) {
    entries.add(entry);
  }

  public List<String> entries() {
    return List.copyOf(entries);
  }
}
