package io.brighter.outbox.archive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.brighter.messaging.Message;
import io.brighter.messaging.internal.BrighterJson;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * An archived message as one JSON document: every header field, the body bytes as base64 and the
 * body's content type, absent optional fields left out. {@link FileSystemArchiveProvider} writes a
 * line of it per message; other providers (a blob per message, say) may store it as it is, so every
 * archive reads back the same way.
 *
 * {@snippet :
 * byte[] json = ArchiveJson.write(message);
 * Message back = ArchiveJson.read(json); // equal to message
 * }
 *
 * <p>Bag values come back as JSON reads them: whole numbers as {@code Integer} when they fit, else
 * {@code Long}; other numbers as {@code Double}.
 */
public final class ArchiveJson {

  private static final ObjectWriter WRITER = BrighterJson.writer().forType(ArchiveLine.class);
  private static final ObjectReader READER = BrighterJson.reader().forType(ArchiveLine.class);

  private ArchiveJson() {}

  /**
   * {@code message} as one JSON document, UTF-8.
   *
   * @throws UncheckedIOException when a bag value cannot be written as JSON
   */
  public static byte[] write(Message message) {
    try {
      return WRITER.writeValueAsBytes(ArchiveLine.of(message));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("could not write message " + message.id() + " as JSON", e);
    }
  }

  /**
   * The message {@code json} holds.
   *
   * @throws IllegalArgumentException when it is not a whole archived message
   */
  public static Message read(byte[] json) {
    try {
      return READER.<ArchiveLine>readValue(json).toMessage();
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not an archived message: " + e.getMessage(), e);
    }
  }
}
