package com.exchangesync.testbed.salesforce;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code query}, {@code queryAll}, {@code queryMore} and {@code retrieve}.
 * Results come in pages of the {@code QueryOptions} batch size (500 by
 * default, 200 to 2,000) with a {@code queryLocator} for the rest; a refused
 * query is the org's fault ({@code MALFORMED_QUERY}, {@code INVALID_FIELD},
 * {@code INVALID_TYPE}) with the query, a caret, row and column.
 */
final class QueryOperations {

  static final int MAX_RETRIEVE_IDS = 2000;

  private final RecordStore store;
  private final QueryCursors cursors;
  private final Stats stats;

  QueryOperations(RecordStore store, QueryCursors cursors, Stats stats) {
    this.store = store;
    this.cursors = cursors;
    this.stats = stats;
  }

  String query(SoapCall call, String userId, boolean all) {
    String soql = call.required("queryString");
    stats.query(soql);
    QueryExecutor.Result result;
    try {
      result = QueryExecutor.run(soql, store, all);
    } catch (SoqlException e) {
      throw SalesforceFault.query(soql, e);
    }
    String element = all ? "queryAllResponse" : "queryResponse";
    if (result.count()) {
      return "<" + element + "><result xsi:type=\"QueryResult\"><done>true</done><queryLocator xsi:nil=\"true\"/><size>"
          + result.rows().size() + "</size></result></" + element + ">";
    }
    return page(element, cursors.first(userId, result, call.batchSize()));
  }

  String queryMore(SoapCall call, String userId) {
    return page("queryMoreResponse", cursors.next(userId, call.required("queryLocator"), call.batchSize()));
  }

  private String page(String element, QueryCursors.Page page) {
    StringBuilder out = new StringBuilder("<").append(element).append("><result xsi:type=\"QueryResult\"><done>")
        .append(page.nextLocator() == null).append("</done>");
    if (page.nextLocator() == null) {
      out.append("<queryLocator xsi:nil=\"true\"/>");
    } else {
      out.append("<queryLocator>").append(page.nextLocator()).append("</queryLocator>");
    }
    for (Row r : page.rows()) {
      SObjectXml.write(out, "records", r, page.shape().nodes, store);
    }
    return out.append("<size>").append(page.total()).append("</size></result></").append(element).append('>').toString();
  }

  String retrieve(SoapCall call) {
    String typeName = call.required("sObjectType");
    SObjectType type = store.schema.type(typeName);
    if (type == null) {
      throw SalesforceFault.invalidType(typeName);
    }
    List<BoundPath> fields = new ArrayList<>();
    for (String name : call.required("fieldList").split(",")) {
      String f = name.trim();
      if (f.isEmpty()) {
        continue;
      }
      try {
        fields.add(BoundPath.resolve(new SoqlQuery.Path(List.of(f.split("\\.")), 0), type, store.schema));
      } catch (SoqlException e) {
        throw SalesforceFault.of(e.code, "InvalidFieldFault", e.getMessage());
      }
    }
    List<String> ids = call.children("ids").stream().map(e -> e.getTextContent().trim()).toList();
    if (ids.size() > MAX_RETRIEVE_IDS) {
      throw SalesforceFault.unexpected("EXCEEDED_ID_LIMIT", "retrieve id limit reached: " + MAX_RETRIEVE_IDS);
    }
    ResultShape shape = ResultShape.of(type, fields);
    StringBuilder out = new StringBuilder("<retrieveResponse>");
    for (String id : ids) {
      if (!SalesforceIds.valid(id)) {
        throw SalesforceFault.of("MALFORMED_ID", "InvalidIdFault", "malformed id " + id);
      }
      Row r = store.row(id);
      if (r == null || r.deleted() || r.type != type) {
        out.append("<result xsi:nil=\"true\"/>");
      } else {
        SObjectXml.write(out, "result", r, shape.nodes, store);
      }
    }
    return out.append("</retrieveResponse>").toString();
  }
}
