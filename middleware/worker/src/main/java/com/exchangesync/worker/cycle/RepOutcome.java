package com.exchangesync.worker.cycle;

import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.sync.PassReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a cycle did for one rep and one kind, for logs and the demo's summary.
 *
 * @param email the rep's address
 * @param kind the kind, or empty when the outcome is the rep's as a whole (not linked, leased elsewhere)
 * @param state one word: synced, skipped (not linked, leased elsewhere) or failed
 * @param detail why, in words
 * @param report the pass's figures when it ran
 */
public record RepOutcome(String email, Optional<ItemKind> kind, String state, String detail, Optional<PassReport> report) {

  /** An outcome for the rep as a whole. */
  static RepOutcome ofRep(String email, String state, String detail) {
    return new RepOutcome(email, Optional.empty(), state, detail, Optional.empty());
  }

  /** Whether this is the outcome of {@code kind} (or of the rep as a whole). */
  public boolean concerns(ItemKind kind) {
    return this.kind.isEmpty() || this.kind.get() == kind;
  }

  /**
   * One line for logs and the demo's summary: the rep, the kind, the state, and
   * what the pass did in words, counts that are zero left out
   * ({@code created 1 in Exchange, 8 in Salesforce; 1 skipped; 9 in sync}).
   */
  @Override
  public String toString() {
    String what = kind.map(k -> k == ItemKind.CONTACT ? "contacts" : "events").orElse("");
    boolean off = report.map(PassReport::directionNone).orElse(false);
    String text = off ? "the configuration does not sync " + what : report.map(RepOutcome::describe).orElse(detail);
    return String.format(Locale.ROOT, "%-28s %-8s %-8s %s", email, what, off ? "off" : state, text);
  }

  private static String describe(PassReport r) {
    List<String> parts = new ArrayList<>();
    if (r.writes() == 0) {
      parts.add("nothing written");
    }
    bothSides("created", r.exchangeCreated(), r.salesforceCreated()).ifPresent(parts::add);
    bothSides("updated", r.exchangeUpdated(), r.salesforceUpdated()).ifPresent(parts::add);
    count(r.matched(), "matched").ifPresent(parts::add);
    count(r.skipped(), "skipped").ifPresent(parts::add);
    count(r.deleted(), "deleted (cancelled on the other side)").ifPresent(parts::add);
    count(r.unlinked(), "unlinked").ifPresent(parts::add);
    count(r.errors().size(), r.errors().size() == 1 ? "error" : "errors").ifPresent(parts::add);
    parts.add(r.linkedTotal() + " in sync");
    return String.join("; ", parts);
  }

  /** {@code created 1 in Exchange, 8 in Salesforce}, a side without any left out; empty when neither has any. */
  private static Optional<String> bothSides(String verb, int exchange, int salesforce) {
    List<String> sides = new ArrayList<>();
    if (exchange > 0) {
      sides.add(exchange + " in Exchange");
    }
    if (salesforce > 0) {
      sides.add(salesforce + " in Salesforce");
    }
    return sides.isEmpty() ? Optional.empty() : Optional.of(verb + " " + String.join(", ", sides));
  }

  private static Optional<String> count(int n, String what) {
    return n == 0 ? Optional.empty() : Optional.of(n + " " + what);
  }
}
