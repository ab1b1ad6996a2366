package io.brighter.dynamodb;

import io.brighter.inbox.Inbox;
import io.brighter.testing.inbox.InboxContract;

/** The inbox contract on dynalite. */
class DynamoDbInboxIT extends InboxContract {

  @Override
  protected Inbox inbox() {
    return TestTables.INBOX;
  }
}
