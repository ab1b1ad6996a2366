package io.brighter.testing.inmemory;

import io.brighter.inbox.InMemoryInbox;
import io.brighter.inbox.InboxAsync;
import io.brighter.testing.inbox.InboxAsyncContract;

class InMemoryInboxAsyncContractTest extends InboxAsyncContract {

  private final InMemoryInbox inbox = new InMemoryInbox();

  @Override
  protected InboxAsync inbox() {
    return inbox;
  }
}
