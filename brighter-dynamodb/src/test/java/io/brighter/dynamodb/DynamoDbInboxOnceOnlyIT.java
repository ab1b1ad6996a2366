package io.brighter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighter.Command;
import io.brighter.CommandProcessor;
import io.brighter.Id;
import io.brighter.handlers.RequestHandler;
import io.brighter.handlers.SimpleHandlerFactory;
import io.brighter.handlers.SubscriberRegistry;
import io.brighter.handlers.UseInbox;
import io.brighter.inbox.OnceOnlyException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A once-only handler with the DynamoDB inbox runs a command once, however often it arrives. */
class DynamoDbInboxOnceOnlyIT {

  record ChargeCard(Id id, String card) implements Command {}

  static final List<ChargeCard> CHARGED = new CopyOnWriteArrayList<>();

  /** Charges a card, at most once per command. */
  public static final class ChargeCardHandler extends RequestHandler<ChargeCard> {
    @Override
    @UseInbox(step = 0, contextKey = "ChargeCardHandler", onceOnly = true)
    public ChargeCard handle(ChargeCard command) {
      CHARGED.add(command);
      return super.handle(command);
    }
  }

  @Test
  void a_command_delivered_twice_is_handled_once_and_the_repeat_is_refused() {
    // given
    CommandProcessor commandProcessor =
        CommandProcessor.builder()
            .handlers(
                new SubscriberRegistry().register(ChargeCard.class, ChargeCardHandler.class),
                new SimpleHandlerFactory())
            .inbox(TestTables.INBOX)
            .build();
    ChargeCard command = new ChargeCard(Id.random(), "4111");

    // when
    commandProcessor.send(command);

    // then
    assertThatThrownBy(() -> commandProcessor.send(command)).isInstanceOf(OnceOnlyException.class);
    assertThat(CHARGED).filteredOn(charged -> charged.id().equals(command.id())).hasSize(1);
    assertThat(TestTables.INBOX.get(command.id(), "ChargeCardHandler", ChargeCard.class))
        .contains(command);
  }
}
