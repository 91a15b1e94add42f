package com.exchangesync.worker.salesforce;

import java.time.Duration;
import java.time.Instant;

/**
 * Salesforce's time without a call each time it is needed: one {@code getServerTimestamp}, then the time this
 * machine's monotonic clock has measured since, until {@link #REREAD} has passed or {@link #forget} is called
 * (at each cycle's start, so one call a cycle serves all its reads whatever happened to either clock between). The estimate never runs
 * ahead of Salesforce's clock: the call's answer was given before its arrival here, from which the time is
 * counted. (Reads of the org's changes and deletions need a bound that Salesforce's clock has passed; a call
 * per read would cost as much as the reads.) Thread-safe.
 */
final class ServerClock {

  /** How long one reading is extended; drift between two clocks over it is far below a second. */
  static final Duration REREAD = Duration.ofMinutes(10);

  /** Reads Salesforce's clock. */
  @FunctionalInterface
  interface Reader {
    Instant read() throws SalesforceException;
  }

  private final Reader reader;
  private final java.util.function.LongSupplier nanos;
  private Instant read;
  private long readAtNanos;

  ServerClock(Reader reader) {
    this(reader, System::nanoTime);
  }

  ServerClock(Reader reader, java.util.function.LongSupplier nanos) {
    this.reader = reader;
    this.nanos = nanos;
  }

  /** The next {@link #now} reads Salesforce's clock again. */
  synchronized void forget() {
    read = null;
  }

  /** Salesforce's time now, or a moment before. */
  synchronized Instant now() throws SalesforceException {
    long elapsed = read == null ? Long.MAX_VALUE : nanos.getAsLong() - readAtNanos;
    if (read == null || elapsed >= REREAD.toNanos() || elapsed < 0) {
      read = reader.read();
      readAtNanos = nanos.getAsLong();
      return read;
    }
    return read.plusNanos(elapsed);
  }
}
