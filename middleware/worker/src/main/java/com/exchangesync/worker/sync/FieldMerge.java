package com.exchangesync.worker.sync;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The decision at the heart of the sync, for one linked pair: given the mapped
 * fields as they were at the last sync (the base) and as they are now on each
 * side, what to write where. Pure and total; values are compared after
 * {@link #normalize} (trimmed, empty = absent), so whitespace and "" versus
 * null never cause writes.
 *
 * <p>Per field, with {@code b} the base, {@code s} Salesforce's value, {@code e} Exchange's:
 * <ul>
 *   <li>both ways: {@code s == e}: nothing to do; only Salesforce moved
 *       ({@code e == b}): copy {@code s} to Exchange; only Exchange moved
 *       ({@code s == b}): copy {@code e} to Salesforce; both moved to different
 *       values: the configured winner's value goes to the other side. So fields
 *       changed on one side only are merged, and only true conflicts follow the winner.</li>
 *   <li>Salesforce to Exchange: Exchange becomes {@code s} wherever it differs
 *       (Salesforce is the source; an edit in Exchange does not survive).</li>
 *   <li>Exchange to Salesforce: the mirror image.</li>
 *   <li>none: nothing.</li>
 * </ul>
 * The result's {@code agreed} values become the next base, so a second sync with
 * no new edits writes nothing.
 */
public final class FieldMerge {

  private FieldMerge() {}

  /**
   * What to write for one pair.
   *
   * @param toSalesforce fields to set in Salesforce (null value: clear)
   * @param toExchange fields to set in Exchange (null value: clear)
   * @param agreed the fields as both sides hold them after the writes (the next base)
   */
  public record Result(Map<String, String> toSalesforce, Map<String, String> toExchange, Map<String, String> agreed) {

    /** Whether nothing needs writing. */
    public boolean isEmpty() {
      return toSalesforce.isEmpty() && toExchange.isEmpty();
    }
  }

  /** Merges {@code salesforce} and {@code exchange} against {@code base} over the union of their keys. */
  public static Result merge(Map<String, String> base, Map<String, String> salesforce, Map<String, String> exchange,
                             Direction direction, Winner winner) {
    return merge(new Bases(base, base, base), salesforce, exchange, direction, winner);
  }

  /**
   * What a pair's last sync left: the values it decided ({@code agreed}), and
   * what each side acknowledged holding. They differ only when one side's write
   * of the last sync was refused: that side still holds what it held, and a
   * change there since is the rep's, to be kept (not overwritten with the
   * decided value, as a single base would have it).
   */
  public record Bases(Map<String, String> agreed, Map<String, String> salesforce, Map<String, String> exchange) {
    public Bases {
      Objects.requireNonNull(agreed);
      Objects.requireNonNull(salesforce);
      Objects.requireNonNull(exchange);
    }
  }

  /** Merges against each side's own base, the decided values filling what neither side moved from. */
  public static Result merge(Bases bases, Map<String, String> salesforce, Map<String, String> exchange,
                             Direction direction, Winner winner) {
    Objects.requireNonNull(direction);
    Objects.requireNonNull(winner);
    Set<String> fields = new TreeSet<>();
    fields.addAll(bases.agreed().keySet());
    fields.addAll(bases.salesforce().keySet());
    fields.addAll(bases.exchange().keySet());
    fields.addAll(salesforce.keySet());
    fields.addAll(exchange.keySet());
    Map<String, String> toSalesforce = new HashMap<>();
    Map<String, String> toExchange = new HashMap<>();
    Map<String, String> agreed = new HashMap<>();
    for (String field : fields) {
      String a = normalize(bases.agreed().get(field));
      String bs = normalize(bases.salesforce().get(field));
      String be = normalize(bases.exchange().get(field));
      String s = normalize(salesforce.get(field));
      String e = normalize(exchange.get(field));
      boolean sMoved = !Objects.equals(s, bs);
      boolean eMoved = !Objects.equals(e, be);
      String value;
      switch (direction) {
        case NONE -> {
          // Nothing moves; the base keeps what was last agreed.
          value = a;
        }
        case SALESFORCE_TO_EXCHANGE -> value = s;
        case EXCHANGE_TO_SALESFORCE -> value = e;
        default -> {
          if (Objects.equals(s, e)) {
            value = s;
          } else if (!sMoved && !eMoved) {
            value = a; // neither moved: a write the last sync decided did not land; it goes again
          } else if (!eMoved) {
            value = s; // only Salesforce changed
          } else if (!sMoved) {
            value = e; // only Exchange changed
          } else {
            value = winner == Winner.SALESFORCE ? s : e; // both changed: the winner's value
          }
        }
      }
      if (direction != Direction.NONE) {
        if (!Objects.equals(s, value)) {
          toSalesforce.put(field, value);
        }
        if (!Objects.equals(e, value)) {
          toExchange.put(field, value);
        }
      }
      if (value != null) {
        agreed.put(field, value);
      }
    }
    return new Result(Collections.unmodifiableMap(toSalesforce), Collections.unmodifiableMap(toExchange),
        Map.copyOf(agreed));
  }

  /** Trimmed, with empty as absent. */
  public static String normalize(String value) {
    if (value == null) {
      return null;
    }
    String t = value.strip();
    return t.isEmpty() ? null : t;
  }
}
