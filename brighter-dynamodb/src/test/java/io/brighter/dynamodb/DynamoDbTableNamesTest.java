package io.brighter.dynamodb;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighter.ConfigurationException;
import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Table names are checked against DynamoDB's rules before any request carries them. */
class DynamoDbTableNamesTest {

  private final DynamoDbClient client =
      DynamoDbClient.builder()
          .region(Region.US_EAST_1)
          .credentialsProvider(AnonymousCredentialsProvider.create())
          .endpointOverride(URI.create("http://127.0.0.1:1"))
          .build();

  @Test // #15: identifiers are checked before they reach the store
  void a_table_name_dynamodb_refuses_is_a_configuration_error_naming_the_setting() {
    assertThatThrownBy(() -> DynamoDbOutbox.builder().client(client).tableName("a b").build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("DynamoDbOutbox.tableName");
    assertThatThrownBy(() -> new DynamoDbInbox(client).withTableName("x"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("DynamoDbInbox.tableName");
  }
}
