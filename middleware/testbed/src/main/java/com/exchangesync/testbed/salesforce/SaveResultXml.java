package com.exchangesync.testbed.salesforce;

/**
 * The results of write calls as the partner API writes them, elements in
 * schema order: {@code SaveResult} (errors, id, success), {@code UpsertResult}
 * (created, errors, id, success), {@code DeleteResult} (errors, id, success),
 * each error as {@code fields*, message, statusCode} (a {@code DuplicateError}
 * adds its {@code duplicateResult}).
 */
final class SaveResultXml {

  private SaveResultXml() {}

  static void save(StringBuilder out, SaveOutcome o) {
    out.append("<result>");
    errorsIdSuccess(out, o);
    out.append("</result>");
  }

  static void upsert(StringBuilder out, SaveOutcome o) {
    out.append("<result><created>").append(o.created()).append("</created>");
    errorsIdSuccess(out, o);
    out.append("</result>");
  }

  static void delete(StringBuilder out, SaveOutcome o) {
    save(out, o);
  }

  private static void errorsIdSuccess(StringBuilder out, SaveOutcome o) {
    for (SaveError e : o.errors()) {
      out.append(e.duplicateResultXml() == null ? "<errors>" : "<errors xsi:type=\"DuplicateError\">");
      for (String f : e.fields()) {
        out.append("<fields>").append(SoapXml.esc(f)).append("</fields>");
      }
      out.append("<message>").append(SoapXml.esc(e.message())).append("</message><statusCode>").append(e.statusCode())
          .append("</statusCode>");
      if (e.duplicateResultXml() != null) {
        out.append(e.duplicateResultXml());
      }
      out.append("</errors>");
    }
    if (o.id() == null) {
      out.append("<id xsi:nil=\"true\"/>");
    } else {
      out.append("<id>").append(o.id()).append("</id>");
    }
    out.append("<success>").append(o.success()).append("</success>");
  }
}
