/**
 * Local AWS endpoints for development and tests, so that the AWS path runs on one machine with no
 * AWS account: {@link io.brighter.aws.local.LocalSqs} (ElasticMQ in process), {@link
 * io.brighter.aws.local.LocalSns} (a project-owned SNS front that fans out into it) and {@link
 * io.brighter.aws.local.LocalDynamoDb} (dynalite, installed with npm, behind a front that adds
 * {@code TransactWriteItems}). Never a dependency of a service's main code.
 */
@NullMarked
package io.brighter.aws.local;

import org.jspecify.annotations.NullMarked;
