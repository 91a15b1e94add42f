package com.exchangesync.testbed.salesforce;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Chooses where a query's candidate rows come from, for the WHERE shapes a
 * sync sends, so that a query does not look at every row of its type:
 * <ul>
 *   <li>an equality or {@code IN} on an id or text field, anywhere among the
 *       conditions joined by AND ({@code Id IN (…)}, {@code OwnerId = '…'},
 *       {@code Key__c IN (…)}, {@code EventId IN (…)}): that field's rows with
 *       those values;</li>
 *   <li>otherwise a lower bound on {@code SystemModstamp} ({@code SystemModstamp > t},
 *       or the continuation {@code (SystemModstamp > t OR (SystemModstamp = t AND Id > '…'))}):
 *       the rows stamped from then on, in {@code SystemModstamp, Id} order, so a
 *       query ordered that way stops reading at its LIMIT;</li>
 *   <li>otherwise every row of the type.</li>
 * </ul>
 * Every candidate is still tested against the whole WHERE, so an index only
 * has to hold every row that could match. Candidates come in creation order
 * (what a scan gives, and so what ties in ORDER BY keep) unless {@link Plan#inQueryOrder}.
 */
final class QueryPlanner {

  /** Where the candidates come from. */
  sealed interface Plan permits Scan, Lookup, StampedFrom {

    /** The candidates, in creation order unless {@link #inQueryOrder}. */
    Collection<Row> candidates(SObjectType type, RecordStore store);

    /** Whether the candidates already come in the query's ORDER BY (so the first LIMIT matches are the answer). */
    default boolean inQueryOrder() {
      return false;
    }
  }

  /** Every row of the type. */
  record Scan() implements Plan {
    @Override
    public Collection<Row> candidates(SObjectType type, RecordStore store) {
      return store.rows(type);
    }
  }

  /** The rows whose {@code field} equals one of {@code values} (typed as the field's). */
  record Lookup(String field, List<Object> values) implements Plan {
    @Override
    public Collection<Row> candidates(SObjectType type, RecordStore store) {
      if (values.size() == 1) {
        return store.rowsWhere(type, field, RecordStore.Match.QUERY, values.get(0));
      }
      List<Row> all = new ArrayList<>();
      for (Object v : values) {
        all.addAll(store.rowsWhere(type, field, RecordStore.Match.QUERY, v));
      }
      all.sort(store.creationOrder());
      List<Row> out = new ArrayList<>(all.size());
      for (Row r : all) {
        if (out.isEmpty() || out.getLast() != r) { // values that differ only in case ('a', 'A') find the same rows
          out.add(r);
        }
      }
      return out;
    }
  }

  /** The rows stamped at {@code from} or later; in query order when the query is ordered by {@code SystemModstamp, Id}. */
  record StampedFrom(Instant from, boolean inQueryOrder) implements Plan {
    @Override
    public Collection<Row> candidates(SObjectType type, RecordStore store) {
      Collection<Row> stamped = store.rowsStampedFrom(type, from);
      if (inQueryOrder) {
        return stamped;
      }
      List<Row> out = new ArrayList<>(stamped);
      out.sort(store.creationOrder());
      return out;
    }
  }

  private QueryPlanner() {}

  /** The plan for {@code q} on {@code type} (its names already checked by binding its WHERE). */
  static Plan plan(SoqlQuery q, SObjectType type, Schema schema) {
    List<SoqlQuery.Condition> all = new ArrayList<>();
    conjuncts(q.where(), all);
    for (SoqlQuery.Condition c : all) {
      Lookup lookup = lookup(c, type, schema);
      if (lookup != null) {
        return lookup;
      }
    }
    Instant from = type.field(StampIndex.FIELD) == null ? null : stampFloor(q.where(), type, schema);
    if (from != null) {
      return new StampedFrom(from, feedOrder(q.orderBy(), type, schema));
    }
    return new Scan();
  }

  /** The conditions joined by AND at the top of the WHERE, however parenthesised. */
  private static void conjuncts(SoqlQuery.Condition c, List<SoqlQuery.Condition> into) {
    if (c instanceof SoqlQuery.And and) {
      and.parts().forEach(p -> conjuncts(p, into));
    } else if (c != null) {
      into.add(c);
    }
  }

  /** {@code field = value} or {@code field IN (values)} on an id or text field of the row itself; null for anything else. */
  private static Lookup lookup(SoqlQuery.Condition c, SObjectType type, Schema schema) {
    SoqlQuery.Path path;
    List<SoqlQuery.Literal> literals;
    if (c instanceof SoqlQuery.Compare cmp && cmp.op().equals("=")) {
      path = cmp.path();
      literals = List.of(cmp.value());
    } else if (c instanceof SoqlQuery.In in && !in.negated()) {
      path = in.path();
      literals = in.values();
    } else {
      return null;
    }
    FieldDef field = direct(path, type, schema);
    if (field == null || (field.type().kind != FieldType.Kind.ID && field.type().kind != FieldType.Kind.TEXT)) {
      return null;
    }
    List<Object> values = new ArrayList<>();
    for (SoqlQuery.Literal l : literals) {
      if (l instanceof SoqlQuery.Null || l instanceof SoqlQuery.RelativeDate) {
        return null; // a null matches rows without a value, which no index holds
      }
      values.add(SoqlFilter.typed(field, l));
    }
    return new Lookup(field.name(), values);
  }

  /**
   * The earliest stamp a row matching {@code c} can have, or null when {@code c} sets none: a comparison
   * {@code SystemModstamp > | >= | = t}, the latest such bound of an AND, the earliest of an OR whose every part has one.
   */
  private static Instant stampFloor(SoqlQuery.Condition c, SObjectType type, Schema schema) {
    return switch (c) {
      case SoqlQuery.Compare cmp -> {
        FieldDef field = direct(cmp.path(), type, schema);
        boolean stamp = field != null && field.name().equals(StampIndex.FIELD) && List.of(">", ">=", "=").contains(cmp.op());
        yield stamp && cmp.value() instanceof SoqlQuery.DateTime t ? t.value() : null;
      }
      case SoqlQuery.And and -> {
        Instant latest = null;
        for (SoqlQuery.Condition p : and.parts()) {
          Instant floor = stampFloor(p, type, schema);
          if (floor != null && (latest == null || floor.isAfter(latest))) {
            latest = floor;
          }
        }
        yield latest;
      }
      case SoqlQuery.Or or -> {
        Instant earliest = null;
        for (SoqlQuery.Condition p : or.parts()) {
          Instant floor = stampFloor(p, type, schema);
          if (floor == null) {
            yield null;
          }
          earliest = earliest == null || floor.isBefore(earliest) ? floor : earliest;
        }
        yield earliest;
      }
      case null, default -> null;
    };
  }

  /** Whether the query is ordered by {@code SystemModstamp, Id} ascending, as a feed is read. */
  private static boolean feedOrder(List<SoqlQuery.Order> orderBy, SObjectType type, Schema schema) {
    if (orderBy.size() != 2 || orderBy.stream().anyMatch(SoqlQuery.Order::descending)) {
      return false;
    }
    FieldDef first = direct(orderBy.get(0).path(), type, schema);
    FieldDef second = direct(orderBy.get(1).path(), type, schema);
    return first != null && first.name().equals(StampIndex.FIELD) && second != null && second.name().equals("Id");
  }

  /** The field a path names on the row itself, or null when it follows a relationship. */
  private static FieldDef direct(SoqlQuery.Path path, SObjectType type, Schema schema) {
    BoundPath bound = BoundPath.resolve(path, type, schema);
    return bound.hops().isEmpty() ? bound.leaf() : null;
  }
}
