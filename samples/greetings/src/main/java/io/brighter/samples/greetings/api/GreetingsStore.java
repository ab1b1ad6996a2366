package io.brighter.samples.greetings.api;

import io.brighter.Id;
import io.brighter.outbox.BoxTransactionProvider;
import io.brighter.outbox.Outbox;
import io.brighter.samples.greetings.SampleDatabase;
import io.brighter.samples.greetings.SampleDynamoDb;
import io.brighter.samples.greetings.SampleOptions;
import java.util.List;
import java.util.function.Function;

/**
 * Where the greetings API keeps people, their greetings and its outbox: tables of a relational
 * database ({@link JdbcGreetingsStore}) or of DynamoDB ({@link DynamoDbGreetingsStore}). The
 * handlers call this, whichever it is.
 */
public interface GreetingsStore extends AutoCloseable {

  /** The people table. */
  String PEOPLE = "greetings_people";

  /** The greetings table. */
  String GREETINGS = "greetings_greetings";

  /** The outbox table. */
  String OUTBOX = "greetings_outbox";

  /** The store {@code options} choose, its tables created if missing. */
  static GreetingsStore open(SampleOptions options) {
    return options.database() == SampleDatabase.DYNAMODB
        ? new DynamoDbGreetingsStore(SampleDynamoDb.client(options.dynamoDbEndpoint()))
        : new JdbcGreetingsStore(options.database(), options.dataDir());
  }

  /** The API's outbox. */
  Outbox outbox();

  /** Stores a person; a person already known is left as is. */
  void addPerson(String name);

  /**
   * Stores the greeting {@code id} of the person called {@code name} and, in the same transaction,
   * whatever {@code deposit} deposits with the transaction it is given; commits both or neither.
   *
   * @return what {@code deposit} returned
   * @throws PersonNotFoundException when nobody is called {@code name} (nothing is written)
   */
  Id addGreeting(
      Id id, String name, String greeting, Function<BoxTransactionProvider<?>, Id> deposit);

  /** Every greeting of the person called {@code name}, oldest first. */
  List<String> greetingsOf(String name);

  @Override
  void close();
}
