package io.brighter.dynamodb.greetings;

import io.brighter.CommandProcessor;
import io.brighter.Id;
import io.brighter.dynamodb.DynamoDbUnitOfWork;
import io.brighter.handlers.RequestHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The handler docs/dynamodb-outbox.md shows, between the {@code docs snippet} markers, word for
 * word; {@code DynamoDbOutboxDocsIT} fails when they differ.
 */
// docs snippet: begin
public final class AddGreetingHandler extends RequestHandler<AddGreeting> {

  private final DynamoDbUnitOfWork unitOfWork; // a new one per handler instance
  private final People people;
  private final Supplier<CommandProcessor> commandProcessor;

  public AddGreetingHandler(
      DynamoDbUnitOfWork unitOfWork, People people, Supplier<CommandProcessor> commandProcessor) {
    this.unitOfWork = unitOfWork;
    this.people = people;
    this.commandProcessor = commandProcessor;
  }

  @Override
  public AddGreeting handle(AddGreeting command) {
    List<Id> ids = new ArrayList<>();
    try {
      List<TransactWriteItem> transaction = unitOfWork.beginOrGetTransaction();
      People.Person person = people.load(command.name());
      transaction.add(people.save(person.greet(command.greeting()))); // a conditional Put
      GreetingMade event = new GreetingMade(Id.random(), command.name(), command.greeting());
      ids.add(commandProcessor.get().depositPost(event, unitOfWork)); // a Put into the outbox
      unitOfWork.commit(); // one TransactWriteItems: the person and the message, or neither
    } catch (RuntimeException e) {
      unitOfWork.rollback(); // nothing written, nothing sent
      throw e;
    }
    commandProcessor.get().clearOutbox(ids); // send now; the sweeper sends it if this fails
    return super.handle(command);
  }
}
// docs snippet: end
