package io.brighter.dynamodb;

/** The attribute names of an inbox item, as .NET Brighter's DynamoDB inbox writes them. */
final class InboxItems {

  static final String COMMAND_ID = "CommandId";
  static final String CONTEXT_KEY = "ContextKey";
  static final String COMMAND_TYPE = "CommandType";
  static final String COMMAND_BODY = "CommandBody";
  static final String TIME_STAMP = "TimeStamp";

  private InboxItems() {}
}
