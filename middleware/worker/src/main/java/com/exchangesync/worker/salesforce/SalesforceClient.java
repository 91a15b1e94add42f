package com.exchangesync.worker.salesforce;

import com.exchangesync.worker.metrics.Metrics;
import com.exchangesync.worker.retry.AnswerLostException;
import com.exchangesync.worker.salesforce.oauth.AccessToken;
import com.exchangesync.worker.salesforce.oauth.TokenEndpoint;
import com.sforce.soap.partner.Connector;
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
 * force-wsc behind one door: signs in through OAuth 2.0 ({@link TokenEndpoint}:
 * the access token is the SOAP session id, the token's {@code instance_url}
 * the endpoint), shares the session among a small pool of
 * {@link PartnerConnection}s (each used by one task at a time, since a
 * connection is not thread-safe), and runs every call with the same recovery:
 *
 * <ul>
 *   <li>{@code INVALID_SESSION_ID} (the token expired or was revoked): get a
 *       fresh token once (only one thread asks; the others take its session)
 *       and repeat the call; if the fresh token is refused too, fail with that
 *       cause;</li>
 *   <li>{@code REQUEST_LIMIT_EXCEEDED}, {@code UNABLE_TO_LOCK_ROW},
 *       {@code SERVER_UNAVAILABLE} or HTTP 503: wait with capped exponential
 *       backoff and jitter, then repeat, at most {@link SalesforceSettings#retries} times
 *       (except a create's HTTP 503, which may follow the work: {@link #callNotRepeated});</li>
 *   <li>anything else: a {@link SalesforceException} that names the code.</li>
 * </ul>
 *
 * <p>force-wsc's own {@code SessionRenewer} is not used: it fires only for
 * some fault strings ("Session timed out", …) and renews per connection,
 * whereas here one token serves every connection. SOAP {@code login()} is
 * never called: Salesforce removed it from API 65.0.
 *
 * <p>All methods block: call them from a worker thread, never an event loop.
 * The key, the secret and the token never reach a log line or exception message.
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
  private final TokenEndpoint tokens;
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
    this.tokens = new TokenEndpoint(settings.loginUrl(), settings.credentials(), settings.allowInsecureLoopback(),
        settings.connectTimeout(), settings.readTimeout(), java.time.Clock.systemUTC());
    this.sleeper = sleeper;
    this.permits = new Semaphore(settings.connections(), true);
    this.calls = metrics.counter("exsync_salesforce_calls_total", "SOAP calls sent to Salesforce, by operation", "operation");
    this.retries = metrics.counter("exsync_salesforce_retries_total",
        "SOAP calls repeated after throttling, lock errors, HTTP 503 or session expiry, by reason", "reason");
    this.errors = metrics.counter("exsync_salesforce_errors_total",
        "Salesforce errors reported to callers (call faults and per-record errors), by code", "code");
    this.logins = metrics.counter("exsync_salesforce_logins_total",
        "Sign-ins to Salesforce (OAuth 2.0 token requests), by outcome", "outcome");
  }

  /** A client that really sleeps between retries. */
  public SalesforceClient(SalesforceSettings settings, Metrics metrics) {
    this(settings, metrics, d -> Thread.sleep(d.toMillis()));
  }

  /** The current session, signing in first if there is none. */
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
   * Signs in again (a new access token) unless another thread already replaced {@code stale}.
   *
   * @param stale the session that failed, or null for the first sign-in
   */
  SalesforceSession renew(SalesforceSession stale) throws SalesforceException {
    synchronized (loginLock) {
      if (session != null && session != stale) {
        return session;
      }
      int attempt = 0;
      while (true) {
        try {
          AccessToken token = tokens.requestToken();
          SalesforceSession next = new SalesforceSession(token.accessToken().reveal(),
              SalesforceSettings.soapEndpoint(token.instanceUrl()), token.organizationId(), token.userId(), ++generation);
          session = next;
          logins.inc("ok");
          LOG.info("Signed in to Salesforce by {}: user {} of org {}, endpoint {}", tokens.describe(), next.userId(),
              next.organizationId(), next.serviceEndpoint());
          return next;
        } catch (SalesforceException e) {
          if (e.kind() == SalesforceException.Kind.THROTTLED && attempt < settings.retries()) {
            attempt++;
            retries.inc(e.code());
            pause(attempt);
            continue;
          }
          logins.inc(e.kind() == SalesforceException.Kind.LOGIN ? "refused" : "unavailable");
          errors.inc(e.code());
          throw e;
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
    try {
      return run(operation, call, true);
    } catch (AnswerLostException e) {
      throw new IllegalStateException("a repeatable call never reports a lost answer", e);
    }
  }

  /**
   * Runs a call that must not be repeated when its answer may have been lost (a
   * create): refusals (throttling, lock errors, an expired session) are repeated as
   * by {@link #call}, but an HTTP 502, 503 or 504 without a SOAP fault (a proxy in
   * front of a busy org can answer so after the org did the work) or no answer at
   * all is thrown as {@link AnswerLostException}, for the caller to look before it
   * sends the call again.
   */
  public <T> T callNotRepeated(String operation, SoapCall<T> call) throws SalesforceException, AnswerLostException {
    return run(operation, call, false);
  }

  private <T> T run(String operation, SoapCall<T> call, boolean repeatable) throws SalesforceException, AnswerLostException {
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
      if (!repeatable && failure.answerLost) {
        errors.inc(failure.code);
        throw new AnswerLostException(operation + " got no answer it could read (" + failure.code
            + (failure.message == null ? "" : ": " + failure.message) + ")", failure.cause);
      }
      if (failure.kind == Outcome.SESSION && !renewed) {
        renewed = true;
        retries.inc(failure.code);
        LOG.info("Salesforce session expired or was revoked during {}; signing in again", operation);
        renew(current);
        continue;
      }
      if (failure.kind == Outcome.SESSION) {
        errors.inc(failure.code);
        throw new SalesforceException(SalesforceException.Kind.LOGIN, failure.code, operation + " failed: Salesforce refused"
            + " the session of a fresh sign-in too (" + failure.code + (failure.message == null ? "" : ": " + failure.message)
            + "). Fix: check that the integration user is active and has API Enabled, and that the External Client App's"
            + " OAuth scopes include \"Manage user data via APIs (api)\" and its session policies do not end sessions at"
            + " once (Timeout Value; IP Relaxation \"Relax IP restrictions\")", failure.cause);
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
    /** Whether the call may have been carried out: no SOAP answer came, only an HTTP 502/503/504 page or nothing. */
    final boolean answerLost;
    ConnectionException cause;

    Failure(Outcome kind, String code, String message) {
      this(kind, code, message, false);
    }

    Failure(Outcome kind, String code, String message, boolean answerLost) {
      this.kind = kind;
      this.code = code;
      this.message = message;
      this.answerLost = answerLost;
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
      return new Failure(Outcome.RETRY, "HTTP_503", "Salesforce is unavailable (HTTP 503)", true);
    }
    boolean gateway = httpStatus == 502 || httpStatus == 504;
    if (httpStatus == RecordingTransport.NO_RESPONSE || hasCause(e, IOException.class)) {
      return new Failure(Outcome.UNREACHABLE, httpStatus > 0 ? "HTTP_" + httpStatus : "IO", rootMessage(e),
          httpStatus < 400 || gateway); // no answer, or one cut off before its end
    }
    if (httpStatus >= 400) {
      return new Failure(Outcome.UNREACHABLE, "HTTP_" + httpStatus, "unexpected HTTP " + httpStatus + " answer", gateway);
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
