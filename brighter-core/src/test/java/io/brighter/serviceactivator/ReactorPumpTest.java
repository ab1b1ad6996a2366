package io.brighter.serviceactivator;

import io.brighter.messaging.MessagePumpType;

/** The message-dispatch behaviours on the blocking Reactor pump. */
class ReactorPumpTest extends MessagePumpBehaviour {

  @Override
  MessagePumpType pumpType() {
    return MessagePumpType.REACTOR;
  }
}
