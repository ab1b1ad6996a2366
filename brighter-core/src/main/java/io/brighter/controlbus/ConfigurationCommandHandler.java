package io.brighter.controlbus;

import io.brighter.handlers.RequestHandler;
import io.brighter.messaging.Subscription;
import io.brighter.serviceactivator.Dispatcher;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out a {@link ConfigurationCommand} on the application's dispatcher: stopping shuts the
 * subscriptions' pumps (each settles the message in hand), starting opens them again. A command for
 * a subscription the dispatcher does not have fails with a {@link
 * io.brighter.ConfigurationException}, so the control-bus message is rejected with that reason.
 */
final class ConfigurationCommandHandler extends RequestHandler<ConfigurationCommand> {

  private static final Logger LOG = LoggerFactory.getLogger(ConfigurationCommandHandler.class);

  private final Dispatcher dispatcher;

  ConfigurationCommandHandler(Dispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  @Override
  public ConfigurationCommand handle(ConfigurationCommand command) {
    LOG.info(
        "Control bus: {}{}",
        command.type(),
        command.subscriptionName() == null ? "" : " " + command.subscriptionName());
    switch (command.type()) {
      case STOP_ALL ->
          dispatcher.subscriptions().stream().map(Subscription::name).forEach(dispatcher::shut);
      case START_ALL -> dispatcher.start();
      case STOP_CHANNEL -> dispatcher.shut(Objects.requireNonNull(command.subscriptionName()));
      case START_CHANNEL -> dispatcher.open(Objects.requireNonNull(command.subscriptionName()));
    }
    return super.handle(command);
  }
}
