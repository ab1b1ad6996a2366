package io.brighter.messaging.transforms;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A {@link LuggageStore} keeping each payload in a file of one directory, named by a random UUID. A
 * payload is written to a temporary file and moved into place atomically, so a reader never sees a
 * partial one. Claim ids that are not UUIDs are never found, so a message cannot name a file
 * outside the directory.
 *
 * {@snippet :
 * LuggageStore store = new FileSystemLuggageStore(Path.of("/var/brighter/luggage"));
 * }
 */
public final class FileSystemLuggageStore implements LuggageStore {

  private final Path directory;

  /**
   * A store in {@code directory}, created if missing.
   *
   * @throws UncheckedIOException when the directory cannot be created
   */
  public FileSystemLuggageStore(Path directory) {
    this.directory = requireNonNull(directory, "directory must not be null");
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create luggage directory " + directory, e);
    }
  }

  @Override
  public String store(byte[] payload) {
    requireNonNull(payload, "payload must not be null");
    String claimId = UUID.randomUUID().toString();
    try {
      Path temporary = Files.createTempFile(directory, claimId, ".tmp");
      try {
        Files.write(temporary, payload);
        Files.move(temporary, directory.resolve(claimId), StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot store luggage in " + directory, e);
    }
    return claimId;
  }

  @Override
  public byte[] retrieve(String claimId) {
    Path file = fileOf(claimId);
    if (file == null) {
      throw missing(claimId);
    }
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw missing(claimId);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read luggage " + file, e);
    }
  }

  @Override
  public void delete(String claimId) {
    Path file = fileOf(claimId);
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete luggage " + file, e);
    }
  }

  @Override
  public boolean hasClaim(String claimId) {
    Path file = fileOf(claimId);
    return file != null && Files.isRegularFile(file);
  }

  private @Nullable Path fileOf(String claimId) {
    try {
      return directory.resolve(UUID.fromString(claimId).toString());
    } catch (IllegalArgumentException notAUuid) {
      return null;
    }
  }

  private static NoSuchElementException missing(String claimId) {
    return new NoSuchElementException("No luggage is stored under claim " + claimId);
  }
}
