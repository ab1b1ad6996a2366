/**
 * The AWS transport: SQS queues, point to point ({@link io.brighter.aws.SqsMessageProducer}) or fed
 * by SNS topics, read by {@link io.brighter.aws.SqsMessageConsumer}. {@link
 * io.brighter.aws.AwsConnection} says how to reach AWS (or a local endpoint).
 */
@NullMarked
package io.brighter.aws;

import org.jspecify.annotations.NullMarked;
