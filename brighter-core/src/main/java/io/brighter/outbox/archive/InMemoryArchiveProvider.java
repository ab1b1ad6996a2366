package io.brighter.outbox.archive;

import static java.util.Objects.requireNonNull;

import io.brighter.Id;
import io.brighter.messaging.Message;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link ArchiveProvider} that keeps messages in memory: for tests and samples, where losing the
 * archive with the process does not matter.
 *
 * {@snippet :
 * InMemoryArchiveProvider provider = new InMemoryArchiveProvider();
 * OutboxArchiver.builder().outbox(outbox).archiveProvider(provider).build().archive();
 * List<Message> archived = provider.archived();
 * }
 *
 * <p>Keeps each message once: archiving a message id again replaces nothing and keeps its first
 * place. Thread-safe.
 */
public final class InMemoryArchiveProvider implements ArchiveProvider {

  private final Map<Id, Message> messages = new LinkedHashMap<>();

  /** An empty archive. */
  public InMemoryArchiveProvider() {}

  @Override
  public synchronized void archive(List<Message> batch) {
    requireNonNull(batch, "messages must not be null");
    batch.forEach(message -> messages.putIfAbsent(message.id(), message));
  }

  /** A copy of the archived messages, in the order they were first archived. */
  public synchronized List<Message> archived() {
    return List.copyOf(messages.values());
  }
}
