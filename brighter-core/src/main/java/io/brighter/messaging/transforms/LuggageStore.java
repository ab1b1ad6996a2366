package io.brighter.messaging.transforms;

import java.util.NoSuchElementException;

/**
 * Where the {@link ClaimCheck} transform leaves message bodies too large to send, and where {@link
 * RetrieveClaim} collects them: a blob store keyed by claim ids it hands out. Give one to {@link
 * io.brighter.messaging.MessagePipeline.Builder#luggageStore}.
 *
 * {@snippet :
 * LuggageStore store = new FileSystemLuggageStore(Path.of("/var/brighter/luggage"));
 * String claim = store.store(payload);
 * byte[] back = store.retrieve(claim);
 * store.delete(claim);
 * }
 *
 * <p>Implementations are thread-safe. The producing and the consuming service must reach the same
 * store. Failures to reach the store are unchecked (an {@link java.io.UncheckedIOException}, say)
 * and transient: the message can be tried again.
 */
public interface LuggageStore {

  /** Keeps {@code payload} and returns the claim id that fetches it back. */
  String store(byte[] payload);

  /**
   * The payload kept under {@code claimId}.
   *
   * @throws NoSuchElementException when the store holds nothing under that id
   */
  byte[] retrieve(String claimId);

  /** Forgets the payload kept under {@code claimId}; nothing happens when there is none. */
  void delete(String claimId);

  /** Whether the store holds a payload under {@code claimId}. */
  boolean hasClaim(String claimId);
}
