package io.brighter.messaging;

import io.brighter.Id;
import org.jspecify.annotations.Nullable;

/**
 * A broker's late word on one message: delivered, or not and why.
 *
 * @param messageId the message
 * @param delivered whether the broker accepted it
 * @param failure why not, when not delivered
 */
public record PublishConfirmation(Id messageId, boolean delivered, @Nullable Throwable failure) {}
