package io.brighter.azure.local;

import java.util.Map;
import org.apache.qpid.proton.Proton;
import org.apache.qpid.proton.amqp.messaging.ApplicationProperties;
import org.apache.qpid.proton.message.Message;

/**
 * The front's {@code $cbs} node: every {@code put-token} request is accepted (status 202), as the
 * development emulator accepts any key; tokens are not checked.
 */
final class ClaimsBasedSecurity {

  private ClaimsBasedSecurity() {}

  /** The reply to a request sent to {@code $cbs}. */
  static Message reply(Message request) {
    Map<?, ?> properties =
        request.getApplicationProperties() == null
            ? Map.of()
            : request.getApplicationProperties().getValue();
    Object operation = properties.get("operation");
    boolean putToken = "put-token".equals(operation);
    Message reply = Proton.message();
    reply.setApplicationProperties(
        new ApplicationProperties(
            Map.of(
                "status-code",
                putToken ? 202 : 400,
                "status-description",
                putToken ? "Accepted" : "Unknown operation " + operation)));
    return reply;
  }
}
