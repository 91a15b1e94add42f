package com.exchangesync.worker.crash;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The worker as a separate operating-system process, as it runs in production
 * (the shaded jar the build just made), so a test can kill it with SIGKILL:
 * no shutdown hook, no finally block, no flushed buffer survives that.
 */
public final class WorkerProcess {

  private final Process process;
  private final Path log;

  private WorkerProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  public static Path jar() throws IOException {
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of("target"), "exsync-worker-*-all.jar")) {
      for (Path p : jars) {
        return p.toAbsolutePath();
      }
    }
    throw new IllegalStateException("no target/exsync-worker-*-all.jar: the integration tests run after 'package'");
  }

  /** Starts the worker with {@code env} added to this JVM's environment, its output appended to {@code log}. */
  public static WorkerProcess start(Map<String, String> env, Path log, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar().toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(env);
    return new WorkerProcess(builder.start(), log);
  }

  /** SIGKILL, and wait until the process is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** Waits for a {@code --once} run to end; returns its exit code. */
  public int await(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the worker did not finish within " + seconds + " s; log: " + log);
    }
    return process.exitValue();
  }

  /** SIGSTOP: the process freezes (as in a long pause or a frozen VM), holding whatever it held. */
  void freeze() throws Exception {
    signal("STOP");
  }

  /** SIGCONT: the frozen process goes on where it stood. */
  void thaw() throws Exception {
    signal("CONT");
  }

  private void signal(String name) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
    if (kill.waitFor() != 0) {
      throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
    }
  }

  boolean alive() {
    return process.isAlive();
  }
}
