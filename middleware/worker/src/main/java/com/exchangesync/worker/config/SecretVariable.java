package com.exchangesync.worker.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A secret setting given either in the environment ({@code NAME}) or in a file whose path the environment
 * names ({@code NAME_FILE}), the convention of container platforms: a Kubernetes Secret mounted as files,
 * Docker secrets under {@code /run/secrets}. A file keeps the secret out of the process environment, which
 * {@code /proc/<pid>/environ}, {@code kubectl describe} and crash reports show.
 *
 * <p>Setting both is a mistake (which one was meant?) and so is a file that cannot be read or is empty; each
 * becomes one problem naming the variables and the fix. No message carries the value or the file's content.
 */
final class SecretVariable {

  /** The suffix of the variable that names a file holding the secret. */
  static final String FILE_SUFFIX = "_FILE";

  private SecretVariable() {}

  /**
   * The secret {@code name} holds, directly or through {@code name_FILE}; empty when neither is set or a
   * problem was added to {@code problems}.
   */
  static Optional<String> read(Map<String, String> env, String name, List<String> problems) {
    String fileVariable = name + FILE_SUFFIX;
    Optional<String> direct = present(env.get(name));
    Optional<String> file = present(env.get(fileVariable));
    if (direct.isPresent() && file.isPresent()) {
      problems.add(name + " and " + fileVariable + " are both set: set " + fileVariable
          + " (the path of a file holding the value, such as a mounted Kubernetes Secret) or " + name + ", not both");
      return Optional.empty();
    }
    if (file.isEmpty()) {
      return direct;
    }
    Path path = Path.of(file.get());
    if (Files.isDirectory(path)) {
      problems.add(fileVariable + " names " + path + ", which is a directory: name the file inside it that holds the"
          + " value of " + name + " (a mounted Secret is a directory with one file per key)");
      return Optional.empty();
    }
    String content;
    try {
      // Strict decoding: a binary file named by mistake is refused rather than turned into a mangled secret.
      content = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(path)))
          .toString();
    } catch (CharacterCodingException e) {
      problems.add(fileVariable + " names " + path + ", which is not UTF-8 text: it must hold the value of " + name
          + " as text");
      return Optional.empty();
    } catch (IOException | SecurityException e) {
      problems.add(fileVariable + " names " + path + ", which cannot be read (" + why(e) + "): mount the file there"
          + " readable by the worker's user, or set " + name + " instead");
      return Optional.empty();
    }
    // Files written by editors, echo or kubectl end with a newline that is no part of the secret.
    String value = content.strip();
    if (value.isEmpty()) {
      problems.add(fileVariable + " names " + path + ", which is empty: it must hold the value of " + name);
      return Optional.empty();
    }
    return Optional.of(value);
  }

  /** Whether {@code name} is set either way (a blank value counts as unset). */
  static boolean isSet(Map<String, String> env, String name) {
    return present(env.get(name)).isPresent() || present(env.get(name + FILE_SUFFIX)).isPresent();
  }

  private static Optional<String> present(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  /** The reason in words, from the exception's kind; never the content. */
  private static String why(Exception e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException || e instanceof SecurityException) {
      return "permission denied";
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }
}
