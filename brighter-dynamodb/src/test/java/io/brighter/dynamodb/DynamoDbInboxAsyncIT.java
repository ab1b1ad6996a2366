package io.brighter.dynamodb;

import io.brighter.inbox.InboxAsync;
import io.brighter.testing.inbox.InboxAsyncContract;

/** The asynchronous inbox contract on dynalite. */
class DynamoDbInboxAsyncIT extends InboxAsyncContract {

  @Override
  protected InboxAsync inbox() {
    return TestTables.INBOX;
  }
}
