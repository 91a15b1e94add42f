package com.exchangesync.bench;

/**
 * {@link SyncBenchmark} with contacts only, under the name it had before events
 * synced: R reps (default 20), N contacts each (default 1,000), a latency per call
 * (default 20 ms). Usage: {@code scripts/bench ContactSyncBenchmark [reps] [contactsPerRep] [latencyMs]}.
 */
public final class ContactSyncBenchmark {

  private ContactSyncBenchmark() {}

  public static void main(String[] args) throws Exception {
    SyncBenchmark.run("ContactSyncBenchmark", new SyncBenchmark.Size(SyncBenchmark.arg(args, 0, 20),
        SyncBenchmark.arg(args, 1, 1000), 0, SyncBenchmark.arg(args, 2, 20)));
  }
}
