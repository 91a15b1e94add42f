package com.exchangesync.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The test beds (Exchange with EWS and Graph, Salesforce) in a child JVM ({@link BenchTestbeds}, this process's class path),
 * so that what a benchmark measures of its own process is the worker's alone.
 * Its log goes to a file that a failed start shows; {@link #close()} ends it.
 */
final class TestbedProcess implements AutoCloseable {

  private final Process process;
  private final String exchangeUrl;
  private final String ewsUrl;
  private final String graphUrl;
  private final String salesforceUrl;

  private TestbedProcess(Process process, String exchangeUrl, String ewsUrl, String graphUrl, String salesforceUrl) {
    this.process = process;
    this.exchangeUrl = exchangeUrl;
    this.ewsUrl = ewsUrl;
    this.graphUrl = graphUrl;
    this.salesforceUrl = salesforceUrl;
  }

  /** Starts the child and waits for its READY line. */
  static TestbedProcess start() throws IOException, InterruptedException {
    return start(1.0);
  }

  /**
   * Starts the child with the Exchange test bed's streaming notifications running on a scaled clock
   * ({@code StreamingOptions.timeScale}: a 30-minute connection lasts {@code 30 * streamingTimeScale} minutes), so a
   * benchmark can watch the push listener's upkeep over hours in minutes; everything else runs in real time.
   */
  static TestbedProcess start(double streamingTimeScale) throws IOException, InterruptedException {
    if (!(streamingTimeScale > 0 && streamingTimeScale <= 1)) {
      throw new IllegalArgumentException("the streaming time scale is a fraction in (0, 1]: " + streamingTimeScale);
    }
    Path log = Files.createTempFile("exsync-bench-testbeds-", ".log");
    log.toFile().deleteOnExit();
    String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    Process child = new ProcessBuilder(List.of(java, "-Dexsync.project.root=" + System.getProperty("exsync.project.root", "."),
        "-D" + BenchTestbeds.STREAMING_TIME_SCALE + "=" + streamingTimeScale,
        "-cp", System.getProperty("java.class.path"), BenchTestbeds.class.getName()))
        .redirectError(log.toFile()).start();
    Runtime.getRuntime().addShutdownHook(new Thread(child::destroy, "bench-testbeds-stop"));
    CompletableFuture<String> ready = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      // Reads to the end, so that whatever the child prints after READY never fills the pipe and stops it.
      try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        String l;
        while ((l = out.readLine()) != null) {
          if (l.startsWith("READY ")) {
            ready.complete(l);
          }
        }
      } catch (IOException e) {
        // the child ended; a missing READY is reported below
      }
      ready.complete(null);
    }, "bench-testbeds-output");
    reader.setDaemon(true);
    reader.start();
    String line;
    try {
      line = ready.get(Duration.ofMinutes(2).toSeconds(), TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      line = null;
    }
    if (line == null) {
      child.destroyForcibly();
      throw new IllegalStateException("the benchmark's test beds did not start; their log (" + log + "):\n"
          + String.join("\n", tail(log)));
    }
    return new TestbedProcess(child, value(line, "exchange="), value(line, "ews="), value(line, "graph="), value(line, "salesforce="));
  }

  String exchangeUrl() {
    return exchangeUrl;
  }

  String ewsUrl() {
    return ewsUrl;
  }

  /** Microsoft Graph over the Exchange test bed's mailboxes (its admin calls go to {@link #exchangeUrl}). */
  String graphUrl() {
    return graphUrl;
  }

  String salesforceUrl() {
    return salesforceUrl;
  }

  long pid() {
    return process.pid();
  }

  /** CPU time the test beds' process has used so far, in nanoseconds. */
  long cpuNanos() {
    return process.toHandle().info().totalCpuDuration().map(Duration::toNanos)
        .orElseThrow(() -> new IllegalStateException("the system does not report the test beds' CPU time"));
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  private static String value(String line, String key) {
    for (String part : line.split(" ")) {
      if (part.startsWith(key)) {
        return part.substring(key.length());
      }
    }
    throw new IllegalStateException("the test beds' READY line has no " + key + ": " + line);
  }

  private static List<String> tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return lines.subList(Math.max(0, lines.size() - 20), lines.size());
    } catch (IOException e) {
      return List.of("(unreadable: " + e.getMessage() + ")");
    }
  }
}
