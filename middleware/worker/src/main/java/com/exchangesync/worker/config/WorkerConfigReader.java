package com.exchangesync.worker.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@link WorkerConfig} from environment variables. Every problem is
 * collected, so one start names all that is wrong, each with the variable and
 * what it should look like; no value of a secret variable is ever echoed.
 * Every secret ({@code EXSYNC_DATABASE_URL}, {@code EXSYNC_OUTBOUND_TOKEN}, {@code EXSYNC_SF_CLIENT_SECRET},
 * {@code EXSYNC_GRAPH_CLIENT_SECRET}) may instead be read from a file named by {@code <NAME>_FILE}
 * ({@link SecretVariable}); the keys already are files.
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
    String databaseUrl = requiredSecret("EXSYNC_DATABASE_URL", "a PostgreSQL URL such as postgresql://user:password@host:5432/exsync");
    if (databaseUrl != null && !databaseUrl.matches("(?i)(postgres|postgresql)://.+")) {
      problems.add("EXSYNC_DATABASE_URL must start with postgresql:// (for example postgresql://user:password@host:5432/exsync)");
    }
    int port = integer("EXSYNC_HTTP_PORT", WorkerConfig.DEFAULT_HTTP_PORT, 0, 65535);
    boolean insecureLoopback = bool("EXSYNC_ALLOW_INSECURE_LOOPBACK");
    URI loginUrl = url("EXSYNC_SF_LOGIN_URL", true, insecureLoopback);
    retired("EXSYNC_SF_PASSWORD", "Salesforce retired the SOAP login() call the password was for (gone from API 65.0,"
        + " off by default in new orgs, retired at every version in Summer '27), so the worker signs in through OAuth 2.0"
        + " with an External Client App. Remove EXSYNC_SF_PASSWORD and set EXSYNC_SF_CLIENT_ID with EXSYNC_SF_USERNAME and"
        + " EXSYNC_SF_PRIVATE_KEY_FILE (JWT bearer flow), or EXSYNC_SF_CLIENT_ID with EXSYNC_SF_CLIENT_SECRET (client"
        + " credentials flow); docs/salesforce-adapter.md gives the steps");
    SalesforceCredentials credentials = salesforceCredentials(loginUrl);
    String namespace = optional("EXSYNC_SF_NAMESPACE").orElse("");
    if (!namespace.isEmpty() && !namespace.matches("[A-Za-z][A-Za-z0-9]{0,14}")) {
      problems.add("EXSYNC_SF_NAMESPACE must be a namespace prefix such as exsync (letters and digits, without the __)");
    }
    String token = requiredSecret("EXSYNC_OUTBOUND_TOKEN", "a long random string; Outbound Messages are sent to /salesforce/outbound/<token>");
    if (token != null && token.length() < 16) {
      problems.add("EXSYNC_OUTBOUND_TOKEN must be at least 16 characters long (for example from 'openssl rand -hex 24')");
    }
    Optional<URI> autodiscover = Optional.ofNullable(url("EXSYNC_AUTODISCOVER_URL", false, insecureLoopback));
    Optional<URI> ews = Optional.ofNullable(url("EXSYNC_EWS_URL", false, insecureLoopback));
    Optional<GraphCredentials> graph = graphCredentials();
    URI graphLogin = Optional.ofNullable(url("EXSYNC_GRAPH_LOGIN_URL", false, insecureLoopback))
        .orElse(WorkerConfig.DEFAULT_GRAPH_LOGIN_URL);
    URI graphUrl = Optional.ofNullable(url("EXSYNC_GRAPH_URL", false, insecureLoopback)).orElse(WorkerConfig.DEFAULT_GRAPH_URL);
    int pollSeconds = integer("EXSYNC_POLL_INTERVAL_SECONDS", (int) WorkerConfig.DEFAULT_POLL_INTERVAL.toSeconds(), 1, 86_400);
    String workerId = optional("EXSYNC_WORKER_ID").orElse("worker-" + java.util.UUID.randomUUID().toString().substring(0, 8));
    if (!workerId.matches("[A-Za-z0-9._:-]{1,100}")) {
      problems.add("EXSYNC_WORKER_ID must be up to 100 letters, digits, '.', '_', ':' or '-' (for example the pod name)");
    }
    int leaseSeconds = integer("EXSYNC_LEASE_SECONDS", (int) WorkerConfig.DEFAULT_LEASE.toSeconds(), 3, 3_600);
    int parallelMailboxes = integer("EXSYNC_PARALLEL_MAILBOXES", WorkerConfig.DEFAULT_PARALLEL_MAILBOXES, 1, 64);
    PushSettings push = push(insecureLoopback);

    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new WorkerConfig(databaseUrl, port, loginUrl, credentials, namespace,
        Secret.of(token), autodiscover, ews, graph, graphLogin, graphUrl, Duration.ofSeconds(pollSeconds), insecureLoopback,
        Duration.ofSeconds(leaseSeconds), workerId, parallelMailboxes, push);
  }

  /** {@code EXSYNC_PUSH}, {@code EXSYNC_PUSH_POLL_INTERVAL_SECONDS} and {@code EXSYNC_PUBLIC_URL}. */
  private PushSettings push(boolean insecureLoopback) {
    String raw = optional("EXSYNC_PUSH").orElse("true").trim().toLowerCase(java.util.Locale.ROOT);
    if (!raw.equals("true") && !raw.equals("false")) {
      problems.add("EXSYNC_PUSH must be true or false (default true: Exchange tells the worker of changes)");
    }
    int seconds = integer("EXSYNC_PUSH_POLL_INTERVAL_SECONDS", (int) PushSettings.DEFAULT_POLL_INTERVAL.toSeconds(), 1, 86_400);
    URI publicUrl = url("EXSYNC_PUBLIC_URL", false, insecureLoopback);
    return new PushSettings(!raw.equals("false"), Duration.ofSeconds(seconds), Optional.ofNullable(publicUrl));
  }

  /**
   * The OAuth 2.0 credentials: {@code EXSYNC_SF_CLIENT_ID} always, then the JWT bearer flow
   * ({@code EXSYNC_SF_USERNAME} and {@code EXSYNC_SF_PRIVATE_KEY_FILE}) or the client credentials flow
   * ({@code EXSYNC_SF_CLIENT_SECRET}), whichever is set.
   */
  private SalesforceCredentials salesforceCredentials(URI loginUrl) {
    String clientId = required("EXSYNC_SF_CLIENT_ID", "the consumer key of the External Client App the worker signs in"
        + " through (Setup > External Client App Manager > the app > Settings > OAuth Settings > Consumer Key and Secret)");
    Optional<String> keyFile = optional("EXSYNC_SF_PRIVATE_KEY_FILE");
    boolean secretSet = SecretVariable.isSet(env, "EXSYNC_SF_CLIENT_SECRET");
    if (keyFile.isPresent() && secretSet) {
      problems.add("EXSYNC_SF_PRIVATE_KEY_FILE and EXSYNC_SF_CLIENT_SECRET are both set: set EXSYNC_SF_PRIVATE_KEY_FILE"
          + " (with EXSYNC_SF_USERNAME) for the JWT bearer flow, or EXSYNC_SF_CLIENT_SECRET for the client credentials flow,"
          + " not both");
      return null;
    }
    if (secretSet) {
      Optional<String> secret = SecretVariable.read(env, "EXSYNC_SF_CLIENT_SECRET", problems);
      if (loginUrl != null && loginUrl.getHost() != null
          && loginUrl.getHost().toLowerCase(java.util.Locale.ROOT).matches("(login|test)\\.salesforce\\.com")) {
        problems.add("EXSYNC_SF_LOGIN_URL must be the org's My Domain login URL (https://<your-domain>.my.salesforce.com)"
            + " for the client credentials flow: Salesforce refuses that flow at " + loginUrl.getHost()
            + " (\"request not supported on this domain\"); Setup > My Domain shows it");
      }
      return clientId == null || secret.isEmpty() ? null
          : new SalesforceCredentials.ClientCredentials(clientId, Secret.of(secret.get()));
    }
    if (keyFile.isEmpty()) {
      problems.add("EXSYNC_SF_PRIVATE_KEY_FILE is not set: the worker signs in by the JWT bearer flow (EXSYNC_SF_USERNAME and"
          + " EXSYNC_SF_PRIVATE_KEY_FILE, the PKCS#8 PEM key whose certificate is uploaded to the External Client App) or by"
          + " the client credentials flow (EXSYNC_SF_CLIENT_SECRET)");
      required("EXSYNC_SF_USERNAME", "the integration user's Salesforce username, the user the JWT bearer flow signs in as");
      return null;
    }
    String username = required("EXSYNC_SF_USERNAME", "the integration user's Salesforce username, the user the JWT bearer"
        + " flow signs in as");
    Path file = Path.of(keyFile.get());
    java.security.interfaces.RSAPrivateKey key;
    try {
      key = PemPrivateKey.read(file);
    } catch (IllegalArgumentException e) {
      problems.add("EXSYNC_SF_PRIVATE_KEY_FILE " + e.getMessage());
      return null;
    }
    return clientId == null || username == null ? null : new SalesforceCredentials.JwtBearer(clientId, username, file, key);
  }

  /**
   * How the worker signs in to Microsoft Entra ID for an org on Exchange Online: the certificate and key of
   * {@code EXSYNC_GRAPH_CERTIFICATE_FILE}, or {@code EXSYNC_GRAPH_CLIENT_SECRET}; neither is needed by an org on
   * Exchange Server (such an org's Setup then says what is missing).
   */
  private Optional<GraphCredentials> graphCredentials() {
    Optional<String> file = optional("EXSYNC_GRAPH_CERTIFICATE_FILE");
    boolean secretSet = SecretVariable.isSet(env, "EXSYNC_GRAPH_CLIENT_SECRET");
    if (file.isPresent() && secretSet) {
      problems.add("EXSYNC_GRAPH_CERTIFICATE_FILE and EXSYNC_GRAPH_CLIENT_SECRET are both set: set the certificate file"
          + " (Microsoft's recommendation for apps) or the client secret, not both");
      return Optional.empty();
    }
    if (secretSet) {
      return SecretVariable.read(env, "EXSYNC_GRAPH_CLIENT_SECRET", problems).map(s -> new GraphCredentials.ClientSecret(Secret.of(s)));
    }
    if (file.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(PemCertificate.read(Path.of(file.get()), java.time.Instant.now()));
    } catch (IllegalArgumentException e) {
      problems.add("EXSYNC_GRAPH_CERTIFICATE_FILE " + e.getMessage());
      return Optional.empty();
    }
  }

  /** A variable the worker no longer reads: its presence stops the start, with what replaced it. */
  private void retired(String name, String replacedBy) {
    // A retired secret given as a file is as retired as one given directly.
    for (String variable : List.of(name, name + SecretVariable.FILE_SUFFIX)) {
      if (env.containsKey(variable)) {
        problems.add(variable + " is no longer read: " + replacedBy);
      }
    }
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

  /** A required secret, set directly or through {@code <name>_FILE} ({@link SecretVariable}). */
  private String requiredSecret(String name, String what) {
    if (!SecretVariable.isSet(env, name)) {
      problems.add(name + " is not set: it must be " + what + " (or set " + name + SecretVariable.FILE_SUFFIX
          + " to a file holding it)");
      return null;
    }
    return SecretVariable.read(env, name, problems).orElse(null);
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
