/**
 * The handler behind the error backstop annotations {@link
 * io.brighter.handlers.RejectMessageOnError}, {@link io.brighter.handlers.DeferMessageOnError} and
 * {@link io.brighter.handlers.DontAckOnError}.
 */
@NullMarked
package io.brighter.handlers.backstop;

import org.jspecify.annotations.NullMarked;
