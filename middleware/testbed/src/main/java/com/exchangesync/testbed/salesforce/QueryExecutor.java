package com.exchangesync.testbed.salesforce;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Runs a SOQL query on the store: parse, resolve names against the schema,
 * take the candidate rows {@link QueryPlanner} chooses, filter, order, apply
 * OFFSET (at most {@value #MAX_OFFSET}) and LIMIT. {@code query} leaves deleted rows
 * out; {@code queryAll} keeps them (with {@code IsDeleted = true}). Callers
 * hold the store's lock.
 */
final class QueryExecutor {

  /** The rows a query selects (all of them; paging is the cursor's job) and how to write them. */
  record Result(ResultShape shape, boolean count, List<Row> rows) {}

  /** The largest {@code OFFSET} SOQL takes. */
  static final int MAX_OFFSET = 2000;

  private QueryExecutor() {}

  static Result run(String soql, RecordStore store, boolean includeDeleted) {
    return run(soql, store, includeDeleted, true);
  }

  /** As {@link #run(String, RecordStore, boolean)}; without {@code indexed}, every row of the type is looked at (the tests compare). */
  static Result run(String soql, RecordStore store, boolean includeDeleted, boolean indexed) {
    SoqlQuery q = SoqlParser.parse(soql);
    Schema schema = store.schema;
    SObjectType type = schema.type(q.from());
    if (type == null) {
      throw new SoqlException("INVALID_TYPE", q.fromOffset(), "sObject type '" + q.from() + "' is not supported. If you are"
          + " attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL"
          + " or the describe call for the appropriate names.");
    }
    if (q.offset() != null && q.offset() > MAX_OFFSET) {
      // Checked once the object is known: the org names it ("for apiName Contact"); no caret, as the org gives none.
      throw SalesforceFault.unexpected("NUMBER_OUTSIDE_VALID_RANGE", "Maximum SOQL offset allowed for apiName " + type.name
          + " is " + MAX_OFFSET);
    }
    ResultShape shape = ResultShape.of(type, q.fields(), schema);
    Predicate<Row> where = new SoqlFilter(type, schema, store, store.now().atZone(ZoneOffset.UTC).toLocalDate()).bind(q.where());
    Comparator<Row> order = ordering(q.orderBy(), type, store);
    boolean access = type.name.equals(UserRecordAccess.NAME); // made up for the query, from the ids it names
    QueryPlanner.Plan plan = !indexed || access ? new QueryPlanner.Scan() : QueryPlanner.plan(q, type, schema);
    Collection<Row> candidates = access ? UserRecordAccess.rows(type, q.where(), store) : plan.candidates(type, store);
    // Candidates already in the query's order: the first OFFSET + LIMIT matches are all it needs.
    long enough = plan.inQueryOrder() && q.limit() != null ? (long) (q.offset() == null ? 0 : q.offset()) + q.limit() : Long.MAX_VALUE;
    List<Row> rows = new ArrayList<>();
    for (Row r : candidates) {
      if (rows.size() >= enough) {
        break;
      }
      if ((includeDeleted || !r.deleted()) && where.test(r)) {
        rows.add(r);
      }
    }
    if (order != null && !plan.inQueryOrder()) {
      rows.sort(order);
    }
    int from = Math.min(rows.size(), q.offset() == null ? 0 : q.offset());
    int to = q.limit() == null ? rows.size() : Math.min(rows.size(), from + q.limit());
    return new Result(shape, q.count(), List.copyOf(rows.subList(from, to)));
  }

  private static Comparator<Row> ordering(List<SoqlQuery.Order> orderBy, SObjectType type, RecordStore store) {
    Comparator<Row> all = null;
    for (SoqlQuery.Order o : orderBy) {
      BoundPath path = BoundPath.resolve(o.path(), type, store.schema);
      Comparator<Row> one = (a, b) -> {
        Object x = path.value(a, store);
        Object y = path.value(b, store);
        if (x == null || y == null) {
          if (x == y) {
            return 0;
          }
          return (x == null) == o.nullsFirst() ? -1 : 1;
        }
        int c = SoqlValues.compare(x, y);
        return o.descending() ? -c : c;
      };
      all = all == null ? one : all.thenComparing(one);
    }
    return all;
  }
}
