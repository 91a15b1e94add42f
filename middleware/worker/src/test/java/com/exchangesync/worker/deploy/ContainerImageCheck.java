package com.exchangesync.worker.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the image {@code scripts/image} built ({@code target/jib-image.tar}, Docker's archive format as Jib
 * writes it): the config a runtime reads (entrypoint, a non-root user, the port, no secret baked in), the files
 * the entrypoint needs with their modes, and, as root, the worker started from the image's own files in a chroot.
 * Not a {@code *Test} or {@code *IT}: it runs only when {@code scripts/image} asks for it, after the build.
 */
class ContainerImageCheck {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, byte[]> FILES = new HashMap<>();
  private static final Map<String, Integer> MODES = new HashMap<>();
  private static JsonNode config;
  private static List<byte[]> layers;

  @TempDir
  static Path rootfs;

  @BeforeAll
  static void read() throws IOException {
    Path tar = Path.of(System.getProperty("exsync.image.tar", "target/jib-image.tar"));
    assertThat(tar).as("the image tar: run scripts/image").exists();
    Map<String, byte[]> entries = Tar.entries(Files.newInputStream(tar), null);
    JsonNode manifest = JSON.readTree(entries.get("manifest.json")).get(0);
    config = JSON.readTree(entries.get(manifest.get("Config").asText()));
    layers = new ArrayList<>();
    for (JsonNode layer : manifest.get("Layers")) {
      byte[] gz = entries.get(layer.asText());
      layers.add(gz);
      try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
        FILES.putAll(Tar.entries(in, MODES));
      }
    }
  }

  @Test
  void theEntrypointStartsTheWorker_onTheImagesOwnJava_withTheHeapAShareOfTheMemoryLimit() {
    List<String> entrypoint = new ArrayList<>();
    config.at("/config/Entrypoint").forEach(a -> entrypoint.add(a.asText()));
    assertThat(entrypoint).startsWith("/opt/java/bin/java").contains("-XX:MaxRAMPercentage=50", "-XX:+ExitOnOutOfMemoryError")
        .endsWith("-cp", "@/app/jib-classpath-file", "com.exchangesync.worker.Main");
    assertThat(config.at("/architecture").asText()).isEqualTo("amd64");
    assertThat(config.at("/os").asText()).isEqualTo("linux");
  }

  @Test
  void itRunsAsANonRootUser_thatTheImageNames() {
    String user = config.at("/config/User").asText();
    assertThat(user).isEqualTo("65532:65532");
    assertThat(new String(FILES.get("etc/passwd"), StandardCharsets.UTF_8)).contains("exsync:x:65532:65532:");
  }

  @Test
  void itExposesTheHttpPort_andListensThere() {
    assertThat(config.at("/config/ExposedPorts").fieldNames()).toIterable().containsExactly("8080/tcp");
    List<String> env = new ArrayList<>();
    config.at("/config/Env").forEach(e -> env.add(e.asText()));
    assertThat(env).contains("EXSYNC_HTTP_PORT=8080");
    assertThat(env).as("no secret is baked into the image").noneMatch(e -> e.matches(
        "EXSYNC_(DATABASE_URL|OUTBOUND_TOKEN|SF_CLIENT_SECRET|GRAPH_CLIENT_SECRET)=.*"));
  }

  @Test
  void theRuntime_itsLibraries_andTheWorkersClasspath_areThere_executableWhereTheyMustBe() {
    assertThat(MODES.get("opt/java/bin/java") & 0111).as("java is executable").isEqualTo(0111);
    assertThat(MODES.get("lib64/ld-linux-x86-64.so.2") & 0111).as("the dynamic loader is executable").isEqualTo(0111);
    assertThat(FILES.keySet()).contains("opt/java/lib/server/libjvm.so", "opt/java/lib/security/cacerts",
        "lib/x86_64-linux-gnu/libc.so.6", "app/jib-classpath-file", "app/jib-main-class-file",
        "app/classes/com/exchangesync/worker/Main.class", "app/resources/db/migration/index.txt");
    assertThat(FILES.keySet()).as("the runtime's own libraries are not copied twice").noneMatch(f -> f.contains("image-root"));
    String classpath = new String(FILES.get("app/jib-classpath-file"), StandardCharsets.UTF_8);
    for (String entry : classpath.trim().split(":")) {
      assertThat(FILES.keySet().stream().anyMatch(f -> ("/" + f).startsWith(entry.replace("*", ""))))
          .as("classpath entry " + entry + " is in the image").isTrue();
    }
    assertThat(FILES.keySet()).as("no test-bed code in the image").noneMatch(f -> f.contains("exsync-testbed"));
  }

  @Test
  void theWorkerStartsFromTheImagesOwnFiles_andChecksItsConfiguration() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "a chroot needs root; the other checks ran");
    // The root as a runtime lays it out: traversable by the worker's user, /proc mounted (java finds its own
    // libraries through /proc/self/exe), in a mount and pid namespace of its own so nothing outside is touched.
    Files.setPosixFilePermissions(rootfs, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    for (byte[] gz : layers) {
      Process untar = new ProcessBuilder("tar", "-xzf", "-", "-C", rootfs.toString()).redirectErrorStream(true).start();
      try (var out = untar.getOutputStream()) {
        out.write(gz);
      }
      assertThat(untar.waitFor(60, TimeUnit.SECONDS) && untar.exitValue() == 0).as("layer unpacked").isTrue();
    }
    Files.createDirectories(rootfs.resolve("proc"));
    List<String> command = new ArrayList<>(List.of(tool("unshare"), "--fork", "--pid", "--mount",
        "--mount-proc=" + rootfs.resolve("proc"), tool("chroot"), "--userspec=65532:65532", rootfs.toString()));
    config.at("/config/Entrypoint").forEach(a -> command.add(a.asText()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().put("EXSYNC_HTTP_PORT", "8080");
    Process worker = builder.start();
    assertThat(worker.waitFor(120, TimeUnit.SECONDS)).as("the worker answered").isTrue();
    String output = new String(worker.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(worker.exitValue()).as(output).isEqualTo(2);
    assertThat(output).contains("The worker's configuration has", "EXSYNC_DATABASE_URL is not set",
        "EXSYNC_OUTBOUND_TOKEN_FILE");
  }

  private static String tool(String name) {
    for (String dir : List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin")) {
      if (Files.isExecutable(Path.of(dir, name))) {
        return dir + "/" + name;
      }
    }
    throw new AssertionError(name + " is not installed (Debian: util-linux, coreutils)");
  }

  /** Reads a tar stream (ustar, GNU long names, PAX paths) into name → content, and name → mode when asked. */
  static final class Tar {

    private Tar() {}

    static Map<String, byte[]> entries(InputStream in, Map<String, Integer> modes) throws IOException {
      Map<String, byte[]> entries = new HashMap<>();
      String longName = null;
      try (in) {
        while (true) {
          byte[] header = in.readNBytes(512);
          if (header.length < 512 || header[0] == 0) {
            return entries;
          }
          String name = longName != null ? longName : field(header, 345, 155).isEmpty() ? field(header, 0, 100)
              : field(header, 345, 155) + "/" + field(header, 0, 100);
          longName = null;
          int mode = Integer.parseInt(field(header, 100, 8).trim(), 8);
          long size = Long.parseLong(field(header, 124, 12).trim(), 8);
          byte type = header[156];
          byte[] body = in.readNBytes((int) size);
          in.skipNBytes((512 - size % 512) % 512);
          if (type == 'L') {
            longName = new String(body, StandardCharsets.UTF_8).replace("\0", "");
            continue;
          }
          if (type == 'x') {
            // PAX records, "<length> <key>=<value>\n": the path, when the name field could not hold it.
            for (String record : new String(body, StandardCharsets.UTF_8).split("\n")) {
              String kv = record.substring(record.indexOf(' ') + 1);
              if (kv.startsWith("path=")) {
                longName = kv.substring("path=".length());
              }
            }
            continue;
          }
          name = name.startsWith("./") ? name.substring(2) : name.startsWith("/") ? name.substring(1) : name;
          if (type == '0' || type == 0) {
            entries.put(name, body);
          }
          if (modes != null) {
            modes.put(name.endsWith("/") ? name.substring(0, name.length() - 1) : name, mode);
          }
        }
      }
    }

    private static String field(byte[] header, int offset, int length) {
      int end = offset;
      while (end < offset + length && header[end] != 0) {
        end++;
      }
      return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }
  }
}
