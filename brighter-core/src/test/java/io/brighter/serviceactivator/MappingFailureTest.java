package io.brighter.serviceactivator;

import static org.assertj.core.api.Assertions.assertThat;

import io.brighter.Id;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageBody;
import io.brighter.messaging.MessageHeader;
import io.brighter.messaging.MessageType;
import io.brighter.messaging.RoutingKey;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** What a mapper's failure makes of a message: unacceptable, unless the failure will pass. */
class MappingFailureTest {

  private final Message message =
      new Message(
          MessageHeader.builder(Id.random(), RoutingKey.of("greetings"), MessageType.EVENT).build(),
          MessageBody.json("{}"));

  @Test // #15: a mapper that read a database while it was away dead-lettered the message
  void a_transient_failure_stays_itself_so_the_pump_requeues_the_message() {
    RuntimeException away =
        new IllegalStateException("claim check store away", new SQLException("refused", "08001"));

    assertThat(MessagePump.mappingFailure(message, away)).isSameAs(away);
  }

  @Test
  void any_other_failure_makes_the_message_unacceptable() {
    Throwable mapped = MessagePump.mappingFailure(message, new IllegalArgumentException("bad"));

    assertThat(mapped).isInstanceOf(MessageMappingException.class);
  }
}
