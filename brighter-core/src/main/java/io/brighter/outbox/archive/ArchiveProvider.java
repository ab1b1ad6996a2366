package io.brighter.outbox.archive;

import io.brighter.messaging.Message;
import java.util.List;

/**
 * Where the {@link OutboxArchiver} keeps messages it moves out of the outbox: a file, a bucket, a
 * warehouse table. Implement it to archive somewhere new; {@link InMemoryArchiveProvider} and
 * {@link FileSystemArchiveProvider} come with Brighter.
 *
 * {@snippet :
 * ArchiveProvider provider = new FileSystemArchiveProvider(Path.of("/var/lib/orders/archive"));
 * OutboxArchiver archiver = OutboxArchiver.builder()
 *     .outbox(outbox)
 *     .archiveProvider(provider)
 *     .build();
 * }
 *
 * <p>Rules every provider follows:
 *
 * <ul>
 *   <li><b>Durable on return.</b> The archiver deletes a batch from the outbox only after {@link
 *       #archive} returned normally, so when it returns the messages must be kept (written and
 *       flushed, uploaded and acknowledged).
 *   <li><b>All or failure.</b> If the batch cannot be kept, throw an unchecked exception: the
 *       archiver then deletes none of the batch and a later pass offers it again. Keeping part of a
 *       batch before throwing is allowed, because of the next rule.
 *   <li><b>Idempotent.</b> Archiving a message already archived is not an error: it happens when a
 *       pass was stopped between the archive and the delete, or the delete failed. A provider may
 *       keep the message once or twice; its readers then tell copies apart by message id.
 *   <li><b>Thread-safe.</b> One archiver never archives two batches at once, but several archivers
 *       (in one process or many) may share a provider, and callers may call it directly.
 * </ul>
 *
 * <p>An empty list is allowed and does nothing.
 */
@FunctionalInterface
public interface ArchiveProvider {

  /**
   * Keeps {@code messages} durably; see the rules above.
   *
   * @throws RuntimeException when they could not all be kept; the archiver then deletes none
   */
  void archive(List<Message> messages);
}
