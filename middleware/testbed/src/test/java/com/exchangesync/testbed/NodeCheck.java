package com.exchangesync.testbed;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a check written in JavaScript against a test bed with an independent
 * client library from npm: copies the script with its {@code package.json}
 * and lock file from {@code src/test/<dir>} to {@code target/<dir>}, installs
 * the pinned packages once with {@code npm ci}, and runs it with node.
 * Without {@code node}/{@code npm} on the PATH, or when the npm registry cannot
 * be reached, the test is skipped and says why; any other failure fails it.
 */
public final class NodeCheck {

  private static final Pattern OFFLINE = Pattern.compile("ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH"
      + "|network|offline|getaddrinfo", Pattern.CASE_INSENSITIVE);

  /** What a command printed (out and err together) and its exit code. */
  public record Run(int exit, String output) {}

  private final Path source;
  private final Path work;
  private final String script;
  private final String library;

  /**
   * @param dir the folder under {@code src/test} holding the script, {@code package.json} and {@code package-lock.json}
   * @param script the script's file name
   * @param library what the packages are, for the skip message
   */
  public NodeCheck(String dir, String script, String library) {
    this.source = Path.of("src", "test", dir);
    this.work = Path.of("target", dir);
    this.script = script;
    this.library = library;
  }

  /** Installs (skipping the test when node or the registry is missing) and runs the script with {@code env}. */
  public Run run(Map<String, String> env) throws Exception {
    Assumptions.assumeTrue(onPath("node") && onPath("npm"),
        "SKIPPED: node and npm are not on the PATH; the check with " + library + " needs them (node 18 or later)");
    install();
    return run(work, env, 300, "node", script);
  }

  private void install() throws Exception {
    Files.createDirectories(work);
    for (String f : List.of("package.json", "package-lock.json", script)) {
      Files.copy(source.resolve(f), work.resolve(f), StandardCopyOption.REPLACE_EXISTING);
    }
    Path installed = work.resolve("node_modules").resolve(".installed-lock.json");
    if (Files.exists(installed) && Files.mismatch(installed, work.resolve("package-lock.json")) == -1) {
      return;
    }
    Run ci = run(work, Map.of(), 600, "npm", "ci", "--no-audit", "--no-fund");
    if (ci.exit() != 0) {
      Assumptions.assumeFalse(OFFLINE.matcher(ci.output()).find(),
          "SKIPPED: the npm registry could not be reached, so " + library + " could not be installed: " + lastLine(ci.output()));
      throw new AssertionError("npm ci failed in " + work.toAbsolutePath() + ":\n" + ci.output());
    }
    Files.copy(work.resolve("package-lock.json"), installed, StandardCopyOption.REPLACE_EXISTING);
  }

  private static Run run(Path dir, Map<String, String> env, long timeoutSeconds, String... command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
    }
    return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  private static boolean onPath(String tool) {
    try {
      return run(Path.of("."), Map.of(), 30, tool, "--version").exit() == 0;
    } catch (Exception e) {
      return false;
    }
  }

  private static String lastLine(String output) {
    String[] lines = output.strip().split("\n");
    return lines[lines.length - 1];
  }
}
