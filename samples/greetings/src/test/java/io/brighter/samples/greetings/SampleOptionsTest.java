package io.brighter.samples.greetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The sample's command line as far as DynamoDB goes. */
class SampleOptionsTest {

  @Test
  void db_dynamodb_with_an_endpoint_chooses_dynamodb_at_that_endpoint() {
    // when
    SampleOptions options =
        SampleOptions.parse(
            new String[] {"--db", "dynamodb", "--dynamodb-endpoint", "http://127.0.0.1:4567"});

    // then
    assertThat(options.database()).isEqualTo(SampleDatabase.DYNAMODB);
    assertThat(options.dynamoDbEndpoint()).isEqualTo("http://127.0.0.1:4567");
  }

  @Test
  void dynamodb_is_not_reached_through_jdbc() {
    assertThatThrownBy(SampleDatabase.DYNAMODB::dialect)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("DynamoDB");
  }
}
