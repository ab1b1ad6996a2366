package io.brighter.samples.greetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The sample's command line as far as the AWS choices go. */
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
  void bus_sns_runs_on_the_local_endpoints_unless_an_aws_endpoint_is_given() {
    // when
    SampleOptions local = SampleOptions.parse(new String[] {"--bus", "sns"});
    SampleOptions aws = SampleOptions.parse(new String[] {"--bus", "sns", "--aws-endpoint", "aws"});

    // then
    assertThat(local.bus()).isEqualTo(SampleOptions.Bus.SNS);
    assertThat(local.transport().describe()).isEqualTo("SNS and SQS on the local endpoints");
    assertThat(aws.transport().describe()).isEqualTo("SNS and SQS at aws");
  }

  @Test
  void dynamodb_is_not_reached_through_jdbc() {
    assertThatThrownBy(SampleDatabase.DYNAMODB::dialect)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("DynamoDB");
  }

  @Test
  void bus_azure_runs_on_the_local_service_bus_namespace() {
    // when
    SampleOptions azure = SampleOptions.parse(new String[] {"--bus", "azure"});

    // then
    assertThat(azure.bus()).isEqualTo(SampleOptions.Bus.AZURE);
    assertThat(new SampleTransport.Azure(null).describe())
        .isEqualTo("Azure Service Bus on the local namespace");
  }
}
