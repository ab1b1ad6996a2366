package io.brighter.serviceactivator;

import io.brighter.messaging.MessagePumpType;

/** The message-dispatch behaviours on the asynchronous Proactor pump. */
class ProactorPumpTest extends MessagePumpBehaviour {

  @Override
  MessagePumpType pumpType() {
    return MessagePumpType.PROACTOR;
  }
}
