package io.brighter.testing.inbox;

import io.brighter.Id;
import io.brighter.Request;
import io.brighter.inbox.Inbox;
import io.brighter.inbox.InboxAsync;
import java.util.Optional;

/**
 * The rules of {@link InboxContract}, checked through an {@link InboxAsync} back end's non-blocking
 * methods: each case awaits the futures. A back end that implements both SPIs has one test class
 * for each.
 *
 * {@snippet :
 * class InMemoryInboxAsyncContractTest extends InboxAsyncContract {
 *   private final InMemoryInbox inbox = new InMemoryInbox();
 *
 *   @Override protected InboxAsync inbox() { return inbox; }
 * }
 * }
 */
public abstract class InboxAsyncContract extends InboxCases {

  /** The inbox under test; the same one on every call within a case. */
  protected abstract InboxAsync inbox();

  @Override
  final Inbox subject() {
    InboxAsync async = inbox();
    return new Inbox() {
      @Override
      public void add(Request request, String contextKey) {
        async.addAsync(request, contextKey).join();
      }

      @Override
      public <T extends Request> Optional<T> get(Id id, String contextKey, Class<T> type) {
        return async.getAsync(id, contextKey, type).join();
      }

      @Override
      public boolean exists(Id id, String contextKey, Class<?> type) {
        return async.existsAsync(id, contextKey, type).join();
      }
    };
  }
}
