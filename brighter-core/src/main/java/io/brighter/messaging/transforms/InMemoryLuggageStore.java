package io.brighter.messaging.transforms;

import static java.util.Objects.requireNonNull;

import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link LuggageStore} in this process's memory, for tests and for producer and consumer living
 * in one process.
 *
 * {@snippet :
 * MessagePipeline pipeline = MessagePipeline.builder()
 *     .mappers(mappers)
 *     .luggageStore(new InMemoryLuggageStore())
 *     .build();
 * }
 */
public final class InMemoryLuggageStore implements LuggageStore {

  private final ConcurrentMap<String, byte[]> luggage = new ConcurrentHashMap<>();

  @Override
  public String store(byte[] payload) {
    String claimId = UUID.randomUUID().toString();
    luggage.put(claimId, requireNonNull(payload, "payload must not be null").clone());
    return claimId;
  }

  @Override
  public byte[] retrieve(String claimId) {
    byte[] payload = luggage.get(claimId);
    if (payload == null) {
      throw new NoSuchElementException("No luggage is stored under claim " + claimId);
    }
    return payload.clone();
  }

  @Override
  public void delete(String claimId) {
    luggage.remove(claimId);
  }

  @Override
  public boolean hasClaim(String claimId) {
    return luggage.containsKey(claimId);
  }

  /** How many payloads the store holds. */
  public int size() {
    return luggage.size();
  }
}
