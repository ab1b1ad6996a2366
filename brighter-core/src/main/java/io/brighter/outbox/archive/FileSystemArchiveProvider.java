package io.brighter.outbox.archive;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.brighter.Id;
import io.brighter.messaging.Message;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link ArchiveProvider} that appends messages to JSON Lines files in a directory, one file per
 * UTC day: {@code outbox-archive-2026-11-26.jsonl}. Each line holds one message: every header
 * field, the body as base64 and the body's content type. Read a file back with {@link #read(Path)}.
 *
 * {@snippet :
 * FileSystemArchiveProvider provider =
 *     new FileSystemArchiveProvider(Path.of("/var/lib/orders/outbox-archive"));
 * provider.archive(messages);
 * List<Message> archived =
 *     FileSystemArchiveProvider.read(provider.file(LocalDate.of(2026, 11, 26)));
 * }
 *
 * <p>A batch goes to the file of the day (by the clock, in UTC) on which it is archived, and is
 * forced to the storage device before {@link #archive} returns, so the archiver deletes only what
 * is on disk. The directory is created when missing. Archiving a message again appends it again;
 * {@link #read} returns each message id once. A write cut short (the process died mid-batch) leaves
 * a torn last line: the next batch starts on a new line, and {@link #read} skips the torn one with
 * a warning, its messages having stayed in the outbox to be archived again.
 *
 * <p>Bag values come back as JSON reads them: whole numbers as {@code Integer} when they fit, else
 * {@code Long}; other numbers as {@code Double}.
 *
 * <p>Thread-safe within one instance; do not let two instances, or two processes, write to the same
 * directory. Failures to write are thrown as {@link UncheckedIOException}.
 */
public final class FileSystemArchiveProvider implements ArchiveProvider {

  private static final Logger LOG = LoggerFactory.getLogger(FileSystemArchiveProvider.class);
  private static final byte NEWLINE = '\n';

  private final Path directory;
  private final Clock clock;
  private final Object lock = new Object();

  /** A provider writing to {@code directory}, rotating files by the system UTC clock. */
  public FileSystemArchiveProvider(Path directory) {
    this(directory, Clock.systemUTC());
  }

  /** A provider writing to {@code directory}, rotating files on the UTC days of {@code clock}. */
  public FileSystemArchiveProvider(Path directory, Clock clock) {
    this.directory = requireNonNull(directory, "directory must not be null");
    this.clock = requireNonNull(clock, "clock must not be null");
  }

  /** The file that holds what was archived on {@code day} (UTC); it may not exist. */
  public Path file(LocalDate day) {
    return directory.resolve("outbox-archive-" + day + ".jsonl");
  }

  @Override
  public void archive(List<Message> messages) {
    requireNonNull(messages, "messages must not be null");
    if (messages.isEmpty()) {
      return;
    }
    byte[] lines = encode(messages);
    synchronized (lock) {
      Path file = file(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
      try {
        Files.createDirectories(directory);
        boolean created = Files.notExists(file);
        append(file, lines);
        if (created) {
          forceDirectory();
        }
      } catch (IOException e) {
        throw new UncheckedIOException("could not archive to " + file, e);
      }
    }
  }

  /**
   * The messages held in {@code file}, in the order written, each message id once (its first line).
   * Torn lines are skipped with a warning.
   *
   * @throws UncheckedIOException when the file cannot be read
   */
  public static List<Message> read(Path file) {
    Map<Id, Message> messages = new LinkedHashMap<>();
    try (BufferedReader reader = Files.newBufferedReader(file, UTF_8)) {
      int number = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        number++;
        if (!line.isBlank()) {
          Message message = parse(line, file, number);
          if (message != null) {
            messages.putIfAbsent(message.id(), message);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the archive " + file, e);
    }
    return List.copyOf(messages.values());
  }

  private static byte[] encode(List<Message> messages) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Message message : messages) {
      out.writeBytes(ArchiveJson.write(message));
      out.write(NEWLINE);
    }
    return out.toByteArray();
  }

  private static void append(Path file, byte[] lines) throws IOException {
    try (FileChannel channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long end = channel.size();
      ByteBuffer buffer = ByteBuffer.wrap(lines);
      if (end > 0 && !endsWithNewline(channel, end)) {
        buffer = ByteBuffer.allocate(lines.length + 1).put(NEWLINE).put(lines).flip();
      }
      long position = end;
      while (buffer.hasRemaining()) {
        position += channel.write(buffer, position);
      }
      channel.force(true);
    }
  }

  private static boolean endsWithNewline(FileChannel channel, long size) throws IOException {
    ByteBuffer last = ByteBuffer.allocate(1);
    return channel.read(last, size - 1) == 1 && last.get(0) == NEWLINE;
  }

  /** Makes a new file's directory entry durable where the platform allows it (not on Windows). */
  private void forceDirectory() {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      LOG.debug(
          "Could not force the directory {}; its new file may not survive a crash", directory);
    }
  }

  private static @Nullable Message parse(String line, Path file, int number) {
    try {
      return ArchiveJson.read(line.getBytes(UTF_8));
    } catch (IllegalArgumentException e) {
      LOG.warn("Skipping line {} of {}: it is not a whole archived message", number, file, e);
      return null;
    }
  }
}
