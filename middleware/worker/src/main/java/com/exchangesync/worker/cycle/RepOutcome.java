package com.exchangesync.worker.cycle;

import com.exchangesync.worker.sync.PassReport;
import java.util.Optional;

/**
 * What a cycle did for one rep, for logs and the demo's summary.
 *
 * @param email the rep's address
 * @param state one word: synced, skipped (not linked, leased elsewhere, direction none) or failed
 * @param detail why, in words
 * @param report the pass's figures when it ran
 */
public record RepOutcome(String email, String state, String detail, Optional<PassReport> report) {

  @Override
  public String toString() {
    return String.format("%-28s %-8s %s", email, state, report.map(PassReport::toString).orElse(detail));
  }
}
