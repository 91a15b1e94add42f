package com.exchangesync.worker.exchange.graph;

import com.exchangesync.worker.exchange.MailboxError;
import com.exchangesync.worker.exchange.MailboxException;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for a Vert.x WebClient answer from the mailbox's own thread (a virtual
 * thread of the sync, never an event loop): the mailbox interface is blocking, the
 * HTTP underneath is not. No answer in time, a refused connection or a broken one
 * is {@link MailboxError#UNREACHABLE}.
 */
final class Await {

  private Await() {}

  static <T> T result(Future<T> future, Duration timeout, String what) throws MailboxException {
    try {
      // A little beyond the request's own timeout, which should fire first and say more.
      return future.toCompletionStage().toCompletableFuture().get(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MailboxException(MailboxError.UNEXPECTED, what + " was interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new MailboxException(MailboxError.UNREACHABLE, what + " got no answer: " + describe(cause), cause);
    } catch (TimeoutException e) {
      throw new MailboxException(MailboxError.UNREACHABLE, what + " got no answer within " + timeout.toSeconds() + " s", e);
    }
  }

  private static String describe(Throwable t) {
    String message = t.getMessage();
    return t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
