/**
 * Message transforms: steps that change a message after a mapper writes it ({@code wrap}) and
 * before a mapper reads it ({@code unwrap}), declared by annotations on the mapper's methods. Built
 * in: {@link io.brighter.messaging.transforms.Compress}/{@link
 * io.brighter.messaging.transforms.Decompress}, {@link
 * io.brighter.messaging.transforms.ClaimCheck}/ {@link
 * io.brighter.messaging.transforms.RetrieveClaim} with a {@link
 * io.brighter.messaging.transforms.LuggageStore}, and {@link
 * io.brighter.messaging.transforms.CloudEvents}/{@link
 * io.brighter.messaging.transforms.ReadFromCloudEvents}. Write your own with {@link
 * io.brighter.messaging.transforms.MessageTransform} and {@link
 * io.brighter.messaging.transforms.WrapWith}, or an annotation of your own marked {@link
 * io.brighter.messaging.transforms.Transform}.
 */
@NullMarked
package io.brighter.messaging.transforms;

import org.jspecify.annotations.NullMarked;
