package com.exchangesync.worker.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@link WorkerConfig} from environment variables. Every problem is
 * collected, so one start names all that is wrong, each with the variable and
 * what it should look like; no value of a secret variable is ever echoed.
 */
public final class WorkerConfigReader {

  private final Map<String, String> env;
  private final List<String> problems = new ArrayList<>();

  private WorkerConfigReader(Map<String, String> env) {
    this.env = env;
  }

  /**
   * Reads the configuration.
   *
   * @throws ConfigException listing every missing or malformed variable
   */
  public static WorkerConfig read(Map<String, String> env) {
    return new WorkerConfigReader(env).read();
  }

  private WorkerConfig read() {
    String databaseUrl = required("EXSYNC_DATABASE_URL", "a PostgreSQL URL such as postgresql://user:password@host:5432/exsync");
    if (databaseUrl != null && !databaseUrl.matches("(?i)(postgres|postgresql)://.+")) {
      problems.add("EXSYNC_DATABASE_URL must start with postgresql:// (for example postgresql://user:password@host:5432/exsync)");
    }
    int port = integer("EXSYNC_HTTP_PORT", WorkerConfig.DEFAULT_HTTP_PORT, 0, 65535);
    boolean insecureLoopback = bool("EXSYNC_ALLOW_INSECURE_LOOPBACK");
    URI loginUrl = url("EXSYNC_SF_LOGIN_URL", true, insecureLoopback);
    String username = required("EXSYNC_SF_USERNAME", "the integration user's Salesforce user name");
    String password = required("EXSYNC_SF_PASSWORD", "the integration user's password (with its security token appended if the org asks for one)");
    String namespace = optional("EXSYNC_SF_NAMESPACE").orElse("");
    if (!namespace.isEmpty() && !namespace.matches("[A-Za-z][A-Za-z0-9]{0,14}")) {
      problems.add("EXSYNC_SF_NAMESPACE must be a namespace prefix such as exsync (letters and digits, without the __)");
    }
    String token = required("EXSYNC_OUTBOUND_TOKEN", "a long random string; Outbound Messages are sent to /salesforce/outbound/<token>");
    if (token != null && token.length() < 16) {
      problems.add("EXSYNC_OUTBOUND_TOKEN must be at least 16 characters long (for example from 'openssl rand -hex 24')");
    }
    Optional<URI> autodiscover = Optional.ofNullable(url("EXSYNC_AUTODISCOVER_URL", false, insecureLoopback));
    Optional<URI> ews = Optional.ofNullable(url("EXSYNC_EWS_URL", false, insecureLoopback));
    int pollSeconds = integer("EXSYNC_POLL_INTERVAL_SECONDS", (int) WorkerConfig.DEFAULT_POLL_INTERVAL.toSeconds(), 1, 86_400);
    String workerId = optional("EXSYNC_WORKER_ID").orElse("worker-" + java.util.UUID.randomUUID().toString().substring(0, 8));
    if (!workerId.matches("[A-Za-z0-9._:-]{1,100}")) {
      problems.add("EXSYNC_WORKER_ID must be up to 100 letters, digits, '.', '_', ':' or '-' (for example the pod name)");
    }
    int leaseSeconds = integer("EXSYNC_LEASE_SECONDS", (int) WorkerConfig.DEFAULT_LEASE.toSeconds(), 3, 3_600);

    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new WorkerConfig(databaseUrl, port, loginUrl, username, Secret.of(password), namespace,
        Secret.of(token), autodiscover, ews, Duration.ofSeconds(pollSeconds), insecureLoopback,
        Duration.ofSeconds(leaseSeconds), workerId);
  }

  private Optional<String> optional(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  private String required(String name, String what) {
    Optional<String> value = optional(name);
    if (value.isEmpty()) {
      problems.add(name + " is not set: it must be " + what);
      return null;
    }
    return value.get();
  }

  private int integer(String name, int fallback, int min, int max) {
    Optional<String> value = optional(name);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value.get());
      if (n < min || n > max) {
        problems.add(name + " must be between " + min + " and " + max + ", not " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      problems.add(name + " must be a whole number, not '" + value.get() + "'");
      return fallback;
    }
  }

  private boolean bool(String name) {
    Optional<String> value = optional(name);
    if (value.isEmpty()) {
      return false;
    }
    switch (value.get().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "1", "yes" -> {
        return true;
      }
      case "false", "0", "no" -> {
        return false;
      }
      default -> {
        problems.add(name + " must be true or false, not '" + value.get() + "'");
        return false;
      }
    }
  }

  private URI url(String name, boolean required, boolean insecureLoopback) {
    Optional<String> value = optional(name);
    if (value.isEmpty()) {
      if (required) {
        problems.add(name + " is not set: it must be an https:// URL");
      }
      return null;
    }
    URI uri;
    try {
      uri = new URI(value.get());
    } catch (URISyntaxException e) {
      problems.add(name + " is not a URL: " + e.getMessage());
      return null;
    }
    String problem = TransportPolicy.problemWith(uri, insecureLoopback);
    if (problem != null) {
      problems.add(name + " " + problem);
      return null;
    }
    return uri;
  }
}
