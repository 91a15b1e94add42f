package com.exchangesync.worker.exchange.ews;

import com.exchangesync.worker.exchange.MailboxError;
import com.exchangesync.worker.exchange.MailboxException;
import com.exchangesync.worker.exchange.RetryPolicy;
import com.exchangesync.worker.retry.AnswerLostException;
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
 * A create goes through {@link #callOnce}: a 503 there may come from a proxy after
 * Exchange made the items, so it is not repeated blindly.
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
        throw interrupted(operation, e);
      } catch (Exception e) {
        Optional<Duration> wait = throttleWait(e, attempt);
        if (wait.isEmpty()) {
          throw EwsErrors.translate(e, smtp, operation);
        }
        waitOrGiveUp(operation, attempt, wait.get(), e);
      }
    }
  }

  /**
   * Runs a call that must not be repeated when its answer may have been lost (a
   * {@code CreateItem}): {@code ErrorServerBusy}, which Exchange answers without doing
   * anything, is waited out as in {@link #call}; an HTTP 502, 503 or 504 (a load balancer
   * or proxy can answer so after Exchange did the work) or no answer at all is thrown as
   * {@link AnswerLostException}, for the caller to look for the items before sending them again.
   */
  <T> T callOnce(String operation, Call<T> call) throws MailboxException, AnswerLostException {
    for (int attempt = 1; ; attempt++) {
      stats.call(operation);
      try {
        return call.run();
      } catch (InterruptedException e) {
        throw interrupted(operation, e);
      } catch (Exception e) {
        if (EwsErrors.answerLost(e)) {
          throw new AnswerLostException(operation + " for " + smtp + " got no answer it could read ("
              + EwsErrors.translate(e, smtp, operation).getMessage() + ")", e);
        }
        int tried = attempt;
        Optional<Duration> wait = EwsErrors.serverBusy(e).map(b -> b.map(retry::capped).orElseGet(() -> retry.backOffAfter(tried)));
        if (wait.isEmpty()) {
          throw EwsErrors.translate(e, smtp, operation);
        }
        waitOrGiveUp(operation, attempt, wait.get(), e);
      }
    }
  }

  /** Waits before looking for the items of a create whose answer was lost after attempt {@code attempt}. */
  void pauseAfterLostAnswer(String operation, int attempt) throws MailboxException {
    Duration wait = retry.backOffAfter(attempt);
    LOG.warn("The answer to {} for {} was lost: waiting {} ms, then looking for the items before sending any again", operation,
        smtp, wait.toMillis());
    sleep(operation, wait);
  }

  /** The most calls of one operation. */
  int maxAttempts() {
    return retry.maxAttempts();
  }

  private void waitOrGiveUp(String operation, int attempt, Duration wait, Exception e) throws MailboxException {
    if (attempt >= retry.maxAttempts()) {
      stats.gaveUp();
      throw new MailboxException(MailboxError.THROTTLED, operation + " for " + smtp + ": Exchange was still busy after "
          + attempt + " attempts", e);
    }
    stats.waited(wait);
    LOG.warn("Exchange is busy ({} for {}): waiting {} ms before attempt {} of {}", operation, smtp,
        wait.toMillis(), attempt + 1, retry.maxAttempts());
    sleep(operation, wait);
  }

  private MailboxException interrupted(String operation, InterruptedException e) {
    Thread.currentThread().interrupt();
    return new MailboxException(MailboxError.UNEXPECTED, operation + " for " + smtp + " was interrupted", e);
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
