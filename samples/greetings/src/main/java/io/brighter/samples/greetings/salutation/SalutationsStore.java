package io.brighter.samples.greetings.salutation;

import io.brighter.Id;
import io.brighter.inbox.Inbox;
import io.brighter.outbox.BoxTransactionProvider;
import io.brighter.outbox.Outbox;
import io.brighter.samples.greetings.SampleDatabase;
import io.brighter.samples.greetings.SampleDynamoDb;
import io.brighter.samples.greetings.SampleOptions;
import java.util.function.Function;

/**
 * Where the salutation service keeps its salutations, inbox and outbox: tables of a relational
 * database ({@link JdbcSalutationsStore}) or of DynamoDB ({@link DynamoDbSalutationsStore}).
 */
public interface SalutationsStore extends AutoCloseable {

  /** The salutations table. */
  String SALUTATIONS = "salutations_salutations";

  /** The inbox table. */
  String INBOX = "salutations_inbox";

  /** The outbox table. */
  String OUTBOX = "salutations_outbox";

  /** The store {@code options} choose, its tables created if missing. */
  static SalutationsStore open(SampleOptions options) {
    return options.database() == SampleDatabase.DYNAMODB
        ? new DynamoDbSalutationsStore(SampleDynamoDb.client(options.dynamoDbEndpoint()))
        : new JdbcSalutationsStore(options.database(), options.dataDir());
  }

  /** The service's inbox. */
  Inbox inbox();

  /** The service's outbox. */
  Outbox outbox();

  /**
   * Stores {@code salutation}, the answer to the greeting event {@code greetingId} of the person
   * called {@code name}, and, in the same transaction, whatever {@code deposit} deposits with the
   * transaction it is given; commits both or neither.
   *
   * @return what {@code deposit} returned
   */
  Id addSalutation(
      Id greetingId,
      String name,
      String salutation,
      Function<BoxTransactionProvider<?>, Id> deposit);

  /** How many salutations answer the greeting event {@code greetingId} (0 or 1). */
  int salutationsFor(String greetingId);

  @Override
  void close();
}
