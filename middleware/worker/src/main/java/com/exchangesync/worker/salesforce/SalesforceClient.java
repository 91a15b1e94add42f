package com.exchangesync.worker.salesforce;

import com.exchangesync.worker.metrics.Metrics;
import com.sforce.soap.partner.Connector;
import com.sforce.soap.partner.LoginResult;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.fault.ApiFault;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import com.sforce.ws.SoapFaultException;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * force-wsc behind one door: logs in, shares the session among a small pool of
 * {@link PartnerConnection}s (each used by one task at a time, since a
 * connection is not thread-safe), and runs every call with the same recovery:
 *
 * <ul>
 *   <li>{@code INVALID_SESSION_ID}: log in again once (only one thread logs in;
 *       the others take its session) and repeat the call;</li>
 *   <li>{@code REQUEST_LIMIT_EXCEEDED}, {@code UNABLE_TO_LOCK_ROW},
 *       {@code SERVER_UNAVAILABLE} or HTTP 503: wait with capped exponential
 *       backoff and jitter, then repeat, at most {@link SalesforceSettings#retries} times;</li>
 *   <li>anything else: a {@link SalesforceException} that names the code.</li>
 * </ul>
 *
 * <p>force-wsc's own {@code SessionRenewer} is not used: it fires only for
 * some fault strings ("Session timed out", …) and renews per connection,
 * whereas here one login serves every connection.
 *
 * <p>All methods block: call them from a worker thread, never an event loop.
 * The password and session id never reach a log line or exception message.
 */
public final class SalesforceClient implements AutoCloseable {

  /** Exception codes worth waiting out. */
  static final Set<String> TRANSIENT = Set.of("REQUEST_LIMIT_EXCEEDED", "UNABLE_TO_LOCK_ROW", "SERVER_UNAVAILABLE");
  /** Rows per query page asked of Salesforce (its maximum). */
  public static final int QUERY_BATCH = 2000;

  private static final Logger LOG = LoggerFactory.getLogger(SalesforceClient.class);

  /** Sleeps between retries; injected so tests need not wait. */
  @FunctionalInterface
  public interface Sleeper {
    /** Waits {@code d}. */
    void sleep(Duration d) throws InterruptedException;
  }

  /** One call on a connection. */
  @FunctionalInterface
  public interface SoapCall<T> {
    /** Runs the call. */
    T apply(PartnerConnection connection) throws ConnectionException;
  }

  private final SalesforceSettings settings;
  private final Sleeper sleeper;
  private final Semaphore permits;
  private final LinkedBlockingQueue<Slot> idle = new LinkedBlockingQueue<>();
  private final Object loginLock = new Object();
  private volatile SalesforceSession session;
  private long generation;
  private final Metrics.Counter calls;
  private final Metrics.Counter retries;
  private final Metrics.Counter errors;
  private final Metrics.Counter logins;

  /** A connection with its own status recorder and the session generation it carries. */
  private static final class Slot {
    PartnerConnection connection;
    long generation;
    volatile int lastStatus = RecordingTransport.NO_RESPONSE;
  }

  /** A client; nothing is sent until the first call. */
  public SalesforceClient(SalesforceSettings settings, Metrics metrics, Sleeper sleeper) {
    this.settings = settings;
    this.sleeper = sleeper;
    this.permits = new Semaphore(settings.connections(), true);
    this.calls = metrics.counter("exsync_salesforce_calls_total", "SOAP calls sent to Salesforce, by operation", "operation");
    this.retries = metrics.counter("exsync_salesforce_retries_total",
        "SOAP calls repeated after throttling, lock errors, HTTP 503 or session expiry, by reason", "reason");
    this.errors = metrics.counter("exsync_salesforce_errors_total",
        "Salesforce errors reported to callers (call faults and per-record errors), by code", "code");
    this.logins = metrics.counter("exsync_salesforce_logins_total", "Logins to Salesforce, by outcome", "outcome");
  }

  /** A client that really sleeps between retries. */
  public SalesforceClient(SalesforceSettings settings, Metrics metrics) {
    this(settings, metrics, d -> Thread.sleep(d.toMillis()));
  }

  /** The current session, logging in first if there is none. */
  public SalesforceSession session() throws SalesforceException {
    SalesforceSession current = session;
    return current != null ? current : renew(null);
  }

  /** The current session if logged in, without any call. */
  public SalesforceSession currentSession() {
    return session;
  }

  /** Counts a per-record error under {@code exsync_salesforce_errors_total}. */
  void countError(String code) {
    errors.inc(code);
  }

  /** Counts a retry under {@code exsync_salesforce_retries_total}. */
  void countRetry(String reason) {
    retries.inc(reason);
  }

  /** Waits before retry number {@code attempt}. */
  void pause(int attempt) throws SalesforceException {
    try {
      sleeper.sleep(settings.backoff().delay(attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SalesforceException(SalesforceException.Kind.UNAVAILABLE, "INTERRUPTED", "interrupted while waiting to retry", e);
    }
  }

  /** The most retries within one call. */
  int maxRetries() {
    return settings.retries();
  }

  /**
   * Logs in again unless another thread already replaced {@code stale}.
   *
   * @param stale the session that failed, or null for the first login
   */
  SalesforceSession renew(SalesforceSession stale) throws SalesforceException {
    synchronized (loginLock) {
      if (session != null && session != stale) {
        return session;
      }
      int attempt = 0;
      while (true) {
        Slot probe = new Slot();
        try {
          calls.inc("login");
          ConnectorConfig config = config(probe);
          config.setAuthEndpoint(settings.authEndpoint());
          config.setServiceEndpoint(settings.authEndpoint());
          PartnerConnection connection = Connector.newConnection(config);
          LoginResult result = connection.login(settings.username(), settings.password().reveal());
          if (result.isPasswordExpired()) {
            logins.inc("refused");
            throw new SalesforceException(SalesforceException.Kind.LOGIN, "PASSWORD_EXPIRED",
                "The password of " + settings.username() + " has expired: set a new one in Salesforce and EXSYNC_SF_PASSWORD", null);
          }
          SalesforceSession next = new SalesforceSession(result.getSessionId(), result.getServerUrl(),
              SalesforceId.require(result.getUserInfo().getOrganizationId()), SalesforceId.require(result.getUserId()),
              ++generation);
          session = next;
          logins.inc("ok");
          LOG.info("Logged in to Salesforce as {} (org {}, endpoint {})", settings.username(), next.organizationId(),
              next.serviceEndpoint());
          return next;
        } catch (ConnectionException e) {
          Failure f = classify(e, probe.lastStatus);
          if (f.kind == Outcome.RETRY && attempt < settings.retries()) {
            attempt++;
            retries.inc(f.code);
            pause(attempt);
            continue;
          }
          logins.inc(f.kind == Outcome.FAULT ? "refused" : "unavailable");
          errors.inc(f.code);
          SalesforceException.Kind kind = f.kind == Outcome.FAULT ? SalesforceException.Kind.LOGIN
              : f.kind == Outcome.RETRY ? SalesforceException.Kind.THROTTLED : SalesforceException.Kind.UNAVAILABLE;
          throw new SalesforceException(kind, f.code, "Login to " + settings.authEndpoint() + " as " + settings.username()
              + " failed: " + f.code + " " + f.message, e);
        }
      }
    }
  }

  /**
   * Runs {@code call} on a pooled connection with the recovery described above.
   *
   * @param operation the SOAP operation's name, for metrics
   */
  public <T> T call(String operation, SoapCall<T> call) throws SalesforceException {
    boolean renewed = false;
    int attempt = 0;
    while (true) {
      SalesforceSession current = session();
      Slot slot = borrow(current);
      Failure failure;
      try {
        calls.inc(operation);
        return call.apply(slot.connection);
      } catch (ConnectionException e) {
        failure = classify(e, slot.lastStatus);
        failure.cause = e;
      } finally {
        release(slot);
      }
      if (failure.kind == Outcome.SESSION && !renewed) {
        renewed = true;
        retries.inc(failure.code);
        LOG.info("Salesforce session expired during {}; logging in again", operation);
        renew(current);
        continue;
      }
      if (failure.kind == Outcome.RETRY && attempt < settings.retries()) {
        attempt++;
        retries.inc(failure.code);
        pause(attempt);
        continue;
      }
      errors.inc(failure.code);
      SalesforceException.Kind kind = switch (failure.kind) {
        case RETRY -> SalesforceException.Kind.THROTTLED;
        case UNREACHABLE -> SalesforceException.Kind.UNAVAILABLE;
        default -> SalesforceException.Kind.FAULT;
      };
      throw new SalesforceException(kind, failure.code, operation + " failed: " + failure.code
          + (failure.message == null ? "" : " " + failure.message)
          + (failure.kind == Outcome.RETRY ? " (still failing after " + attempt + " retries)" : ""), failure.cause);
    }
  }

  private enum Outcome { SESSION, RETRY, UNREACHABLE, FAULT }

  private static final class Failure {
    final Outcome kind;
    final String code;
    final String message;
    ConnectionException cause;

    Failure(Outcome kind, String code, String message) {
      this.kind = kind;
      this.code = code;
      this.message = message;
    }
  }

  private static Failure classify(ConnectionException e, int httpStatus) {
    String code = null;
    String message = null;
    if (e instanceof ApiFault fault) {
      code = fault.getExceptionCode() == null ? null : fault.getExceptionCode().name();
      message = fault.getExceptionMessage();
    } else if (e instanceof SoapFaultException fault && fault.getFaultCode() != null) {
      code = fault.getFaultCode().getLocalPart();
      message = fault.getMessage();
    }
    if (code != null) {
      if (code.equals("INVALID_SESSION_ID")) {
        return new Failure(Outcome.SESSION, code, message);
      }
      if (TRANSIENT.contains(code)) {
        return new Failure(Outcome.RETRY, code, message);
      }
      if (httpStatus != 503) {
        return new Failure(Outcome.FAULT, code, message);
      }
    }
    if (httpStatus == 503) {
      return new Failure(Outcome.RETRY, "HTTP_503", "Salesforce is unavailable (HTTP 503)");
    }
    if (httpStatus == RecordingTransport.NO_RESPONSE || hasCause(e, IOException.class)) {
      return new Failure(Outcome.UNREACHABLE, httpStatus > 0 ? "HTTP_" + httpStatus : "IO", rootMessage(e));
    }
    if (httpStatus >= 400) {
      return new Failure(Outcome.UNREACHABLE, "HTTP_" + httpStatus, "unexpected HTTP " + httpStatus + " answer");
    }
    return new Failure(Outcome.FAULT, "PROTOCOL", rootMessage(e));
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
  }

  private ConnectorConfig config(Slot slot) {
    ConnectorConfig config = new ConnectorConfig();
    config.setManualLogin(true);
    config.setConnectionTimeout((int) settings.connectTimeout().toMillis());
    config.setReadTimeout((int) settings.readTimeout().toMillis());
    config.setTransportFactory(() -> new RecordingTransport(code -> slot.lastStatus = code, settings.allowInsecureLoopback()));
    return config;
  }

  private Slot borrow(SalesforceSession current) throws SalesforceException {
    try {
      if (!permits.tryAcquire(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
        throw new SalesforceException(SalesforceException.Kind.UNAVAILABLE, "POOL_EXHAUSTED",
            "no Salesforce connection became free within " + settings.readTimeout(), null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SalesforceException(SalesforceException.Kind.UNAVAILABLE, "INTERRUPTED", "interrupted", e);
    }
    Slot slot = idle.poll();
    try {
      if (slot == null) {
        slot = new Slot();
        ConnectorConfig config = config(slot);
        config.setServiceEndpoint(current.serviceEndpoint());
        config.setSessionId(current.sessionId());
        slot.connection = Connector.newConnection(config);
        slot.connection.setQueryOptions(QUERY_BATCH);
        slot.generation = -1;
      }
      if (slot.generation != current.generation()) {
        slot.connection.getConfig().setServiceEndpoint(current.serviceEndpoint());
        slot.connection.getConfig().setSessionId(current.sessionId());
        slot.connection.setSessionHeader(current.sessionId());
        slot.generation = current.generation();
      }
      return slot;
    } catch (ConnectionException | RuntimeException e) {
      permits.release();
      throw new SalesforceException(SalesforceException.Kind.FAULT, "CONNECTION_SETUP",
          "could not set up a Salesforce connection: " + e.getClass().getSimpleName(), e);
    }
  }

  private void release(Slot slot) {
    idle.offer(slot);
    permits.release();
  }

  /** Forgets the session and the pooled connections (no call is made: sessions time out on their own). */
  @Override
  public void close() {
    idle.clear();
    session = null;
  }
}
