package com.exchangesync.worker.exchange.ews;

import com.exchangesync.worker.exchange.MailboxError;
import com.exchangesync.worker.exchange.MailboxException;
import com.exchangesync.worker.exchange.RetryPolicy;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one EWS call for one mailbox, waiting out throttling: {@code ErrorServerBusy}
 * for the {@code BackOffMilliseconds} Exchange names, HTTP 503 with a doubling
 * back-off, each wait logged and counted, at most {@link RetryPolicy#maxAttempts()}
 * calls in all. Throttled calls were refused whole by the server, so repeating a
 * write cannot duplicate it. Every other failure becomes a named {@link MailboxException}.
 */
final class EwsCalls {

  private static final Logger LOG = LoggerFactory.getLogger(EwsCalls.class);

  /** A call through ews-java-api. */
  @FunctionalInterface
  interface Call<T> {
    T run() throws Exception;
  }

  private final String smtp;
  private final RetryPolicy retry;
  private final ExchangeStats stats;

  EwsCalls(String smtp, RetryPolicy retry, ExchangeStats stats) {
    this.smtp = smtp;
    this.retry = retry;
    this.stats = stats;
  }

  <T> T call(String operation, Call<T> call) throws MailboxException {
    for (int attempt = 1; ; attempt++) {
      stats.call(operation);
      try {
        return call.run();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new MailboxException(MailboxError.UNEXPECTED, operation + " for " + smtp + " was interrupted", e);
      } catch (Exception e) {
        Optional<Duration> wait = throttleWait(e, attempt);
        if (wait.isEmpty()) {
          throw EwsErrors.translate(e, smtp, operation);
        }
        if (attempt >= retry.maxAttempts()) {
          stats.gaveUp();
          throw new MailboxException(MailboxError.THROTTLED, operation + " for " + smtp + ": Exchange was still busy after "
              + attempt + " attempts", e);
        }
        stats.waited(wait.get());
        LOG.warn("Exchange is busy ({} for {}): waiting {} ms before attempt {} of {}", operation, smtp,
            wait.get().toMillis(), attempt + 1, retry.maxAttempts());
        sleep(operation, wait.get());
      }
    }
  }

  /** How long to wait before trying again, or empty when {@code e} is not throttling. */
  private Optional<Duration> throttleWait(Exception e, int attempt) {
    Optional<Optional<Duration>> busy = EwsErrors.serverBusy(e);
    if (busy.isPresent()) {
      return Optional.of(busy.get().map(retry::capped).orElseGet(() -> retry.backOffAfter(attempt)));
    }
    if (EwsErrors.httpStatus(e).filter(s -> s == 503).isPresent()) {
      return Optional.of(retry.backOffAfter(attempt));
    }
    return Optional.empty();
  }

  private void sleep(String operation, Duration wait) throws MailboxException {
    try {
      retry.sleeper().sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MailboxException(MailboxError.UNEXPECTED, operation + " for " + smtp + " was interrupted while waiting", e);
    }
  }
}
