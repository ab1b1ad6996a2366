package io.brighter.messaging.transforms;

import io.brighter.actions.InvalidMessageAction;
import io.brighter.handlers.ConfiguredBy;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageBody;
import io.brighter.messaging.MessageHeader;
import io.brighter.messaging.Publication;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** The transform behind {@link Compress} and {@link Decompress}: gzip. */
final class CompressPayloadTransform implements MessageTransform, ConfiguredBy<Annotation> {

  static final String GZIP = "application/gzip";
  static final String ORIGINAL_CONTENT_TYPE = "originalContentType";

  private int thresholdBytes;

  @Override
  public void configure(Annotation annotation, Class<?> mapper) {
    if (annotation instanceof Compress compress) {
      thresholdBytes = BuiltInTransforms.bytes(compress.thresholdKiB(), "Compress", mapper);
    } else if (!(annotation instanceof Decompress)) {
      throw BuiltInTransforms.unexpected(this, annotation);
    }
  }

  @Override
  public Message wrap(Message message, Publication publication) {
    MessageBody body = message.body();
    if (BuiltInTransforms.below(body, thresholdBytes)) {
      return message;
    }
    ByteArrayOutputStream compressed = new ByteArrayOutputStream(body.size() / 2 + 32);
    try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
      gzip.write(body.bytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    MessageHeader header =
        message.header().toBuilder()
            .contentType(GZIP)
            .bagEntry(ORIGINAL_CONTENT_TYPE, message.header().contentType())
            .build();
    return new Message(header, new MessageBody(compressed.toByteArray(), GZIP));
  }

  @Override
  public Message unwrap(Message message) {
    byte[] bytes = message.body().bytes();
    if (!isGzip(message, bytes)) {
      return message;
    }
    byte[] plain;
    try (InputStream gunzip = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      plain = gunzip.readAllBytes();
    } catch (IOException e) {
      throw new InvalidMessageAction(
          "Message " + message.id() + " claims to be gzip but cannot be decompressed", e);
    }
    Object original = message.header().bag().get(ORIGINAL_CONTENT_TYPE);
    String contentType = original == null ? MessageBody.JSON : original.toString();
    MessageHeader header =
        message.header().toBuilder()
            .contentType(contentType)
            .removeBagEntry(ORIGINAL_CONTENT_TYPE)
            .build();
    return new Message(header, new MessageBody(plain, contentType));
  }

  private static boolean isGzip(Message message, byte[] bytes) {
    boolean magic = bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
    return magic
        || (bytes.length > 0 && GZIP.equals(message.header().contentType()))
        || (bytes.length > 0 && GZIP.equals(message.body().contentType()));
  }
}
