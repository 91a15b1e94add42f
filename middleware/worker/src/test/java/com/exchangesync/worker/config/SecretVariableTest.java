package com.exchangesync.worker.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretVariableTest {

  private static final String SECRET = "s3cret-from-the-vault";

  @TempDir
  Path dir;

  private final List<String> problems = new ArrayList<>();

  private Path file(String name, String content) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void readsTheVariableItself_whenNoFileIsNamed() {
    assertThat(SecretVariable.read(Map.of("EXSYNC_X", SECRET), "EXSYNC_X", problems)).contains(SECRET);
    assertThat(problems).isEmpty();
  }

  @Test
  void readsTheFileNamedByTheFileVariable_withoutItsTrailingNewline() throws Exception {
    Path file = file("x", SECRET + "\n");
    assertThat(SecretVariable.read(Map.of("EXSYNC_X_FILE", file.toString()), "EXSYNC_X", problems)).contains(SECRET);
    assertThat(problems).isEmpty();
    assertThat(SecretVariable.isSet(Map.of("EXSYNC_X_FILE", file.toString()), "EXSYNC_X")).isTrue();
  }

  @Test
  void neitherSet_isEmpty_withoutAProblem() {
    assertThat(SecretVariable.read(Map.of("EXSYNC_X", " ", "EXSYNC_X_FILE", ""), "EXSYNC_X", problems)).isEmpty();
    assertThat(problems).isEmpty();
    assertThat(SecretVariable.isSet(Map.of(), "EXSYNC_X")).isFalse();
  }

  @Test
  void bothSet_isRefused_namingBothVariables_andNeitherValue() throws Exception {
    Path file = file("x", "other-" + SECRET);
    Optional<String> value = SecretVariable.read(Map.of("EXSYNC_X", SECRET, "EXSYNC_X_FILE", file.toString()), "EXSYNC_X",
        problems);
    assertThat(value).isEmpty();
    assertThat(problems).singleElement().satisfies(p -> assertThat(p)
        .startsWith("EXSYNC_X and EXSYNC_X_FILE are both set").contains("not both").doesNotContain(SECRET));
  }

  @Test
  void aMissingFile_isRefused_namingThePathAndTheFix() {
    Path missing = dir.resolve("nowhere/outbound-token");
    assertThat(SecretVariable.read(Map.of("EXSYNC_X_FILE", missing.toString()), "EXSYNC_X", problems)).isEmpty();
    assertThat(problems).singleElement().satisfies(p -> assertThat(p)
        .isEqualTo("EXSYNC_X_FILE names " + missing + ", which cannot be read (no such file): mount the file there readable"
            + " by the worker's user, or set EXSYNC_X instead"));
  }

  @Test
  void aDirectory_isRefused_askingForTheFileInsideIt() {
    assertThat(SecretVariable.read(Map.of("EXSYNC_X_FILE", dir.toString()), "EXSYNC_X", problems)).isEmpty();
    assertThat(problems).singleElement().satisfies(p -> assertThat(p)
        .contains("which is a directory").contains("name the file inside it"));
  }

  @Test
  void anEmptyFile_isRefused() throws Exception {
    Path file = file("empty", "\n");
    assertThat(SecretVariable.read(Map.of("EXSYNC_X_FILE", file.toString()), "EXSYNC_X", problems)).isEmpty();
    assertThat(problems).singleElement().satisfies(p -> assertThat(p).contains("which is empty"));
  }

  @Test
  void aBinaryFile_isRefused_withoutShowingItsBytes() throws Exception {
    Path file = dir.resolve("key.der");
    Files.write(file, new byte[] {'a', 'b', (byte) 0xC3, (byte) 0x28, 'z'});
    assertThat(SecretVariable.read(Map.of("EXSYNC_X_FILE", file.toString()), "EXSYNC_X", problems)).isEmpty();
    assertThat(problems).singleElement().satisfies(p -> assertThat(p)
        .contains("which is not UTF-8 text").doesNotContain("ab"));
  }
}
