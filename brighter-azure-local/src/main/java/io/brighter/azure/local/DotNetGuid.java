package io.brighter.azure.local;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.UUID;

/**
 * A lock token as the bytes of an AMQP delivery tag: Service Bus writes a GUID in .NET's byte
 * order, where the first three groups are little-endian and the last eight bytes as they read.
 */
final class DotNetGuid {

  private DotNetGuid() {}

  /** The 16 bytes of {@code uuid} in .NET's order. */
  static byte[] bytes(UUID uuid) {
    ByteBuffer standard = ByteBuffer.allocate(16);
    standard.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
    byte[] big = standard.array();
    ByteBuffer dotNet = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
    ByteBuffer read = ByteBuffer.wrap(big);
    dotNet.putInt(read.getInt()).putShort(read.getShort()).putShort(read.getShort());
    dotNet.order(ByteOrder.BIG_ENDIAN).putLong(read.getLong());
    return dotNet.array();
  }

  /** The GUID whose .NET bytes are {@code bytes}, or null when they are not 16. */
  static @org.jspecify.annotations.Nullable UUID uuid(byte[] bytes) {
    if (bytes.length != 16) {
      return null;
    }
    ByteBuffer dotNet = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int a = dotNet.getInt();
    short b = dotNet.getShort();
    short c = dotNet.getShort();
    long rest = dotNet.order(ByteOrder.BIG_ENDIAN).getLong();
    long most = ((long) a << 32) | ((b & 0xFFFFL) << 16) | (c & 0xFFFFL);
    return new UUID(most, rest);
  }
}
