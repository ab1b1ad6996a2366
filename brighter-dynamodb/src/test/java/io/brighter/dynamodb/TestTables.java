package io.brighter.dynamodb;

import io.brighter.aws.local.LocalDynamoDb;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The tables the integration tests share on the local endpoint, made once per JVM. */
final class TestTables {

  static final DynamoDbClient CLIENT = LocalDynamoDb.client();

  static final DynamoDbOutbox OUTBOX =
      DynamoDbOutbox.builder()
          .client(CLIENT)
          .tableName("contract_outbox")
          .build()
          .createTableIfMissing();

  static final DynamoDbInbox INBOX =
      new DynamoDbInbox(CLIENT).withTableName("contract_inbox").createTableIfMissing();

  private TestTables() {}
}
