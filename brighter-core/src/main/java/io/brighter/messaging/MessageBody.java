package io.brighter.messaging;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The payload of a message: bytes and the content type that says how to read them. Immutable: the
 * bytes are copied in and out.
 *
 * {@snippet :
 * MessageBody body = MessageBody.json("{\"name\":\"Ada\"}");
 * String text = body.text();
 * }
 *
 * @param bytes the payload
 * @param contentType its MIME type, e.g. {@code application/json}
 */
public record MessageBody(byte[] bytes, String contentType) {

  /** The content type of JSON payloads. */
  public static final String JSON = "application/json";

  /** An empty body. */
  public static final MessageBody EMPTY = new MessageBody(new byte[0], "text/plain");

  /** Copies the bytes and checks the parts are present. */
  public MessageBody {
    requireNonNull(bytes, "bytes must not be null");
    requireNonNull(contentType, "contentType must not be null");
    bytes = bytes.clone();
  }

  /** A JSON body holding {@code json} encoded as UTF-8. */
  public static MessageBody json(String json) {
    return new MessageBody(json.getBytes(StandardCharsets.UTF_8), JSON);
  }

  /** A body of {@code text} encoded as UTF-8, of the given content type. */
  public static MessageBody of(String text, String contentType) {
    return new MessageBody(text.getBytes(StandardCharsets.UTF_8), contentType);
  }

  /** A copy of the payload. */
  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The payload size in bytes. */
  public int size() {
    return bytes.length;
  }

  /** The payload decoded as UTF-8. */
  public String text() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MessageBody that
        && contentType.equals(that.contentType)
        && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(bytes) + contentType.hashCode();
  }

  @Override
  public String toString() {
    return "MessageBody[" + bytes.length + " bytes, " + contentType + "]";
  }
}
