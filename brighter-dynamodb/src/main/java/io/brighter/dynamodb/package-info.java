/**
 * The DynamoDB outbox, inbox and unit of work on the AWS SDK for Java v2: {@link
 * io.brighter.dynamodb.DynamoDbOutbox}, {@link io.brighter.dynamodb.DynamoDbInbox} and {@link
 * io.brighter.dynamodb.DynamoDbUnitOfWork} (with {@link
 * io.brighter.dynamodb.DynamoDbAsyncUnitOfWork} for the asynchronous client). {@link
 * io.brighter.dynamodb.DynamoDbTables} describes and creates the tables with their secondary
 * indexes; docs/dynamodb-outbox.md documents the schema for production tooling.
 */
@NullMarked
package io.brighter.dynamodb;

import org.jspecify.annotations.NullMarked;
