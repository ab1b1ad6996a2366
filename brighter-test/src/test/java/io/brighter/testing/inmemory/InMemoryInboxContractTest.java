package io.brighter.testing.inmemory;

import io.brighter.inbox.InMemoryInbox;
import io.brighter.inbox.Inbox;
import io.brighter.testing.inbox.InboxContract;

class InMemoryInboxContractTest extends InboxContract {

  private final InMemoryInbox inbox = new InMemoryInbox();

  @Override
  protected Inbox inbox() {
    return inbox;
  }
}
