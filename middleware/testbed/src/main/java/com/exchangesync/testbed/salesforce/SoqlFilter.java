package com.exchangesync.testbed.salesforce;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Turns a WHERE condition into a test on rows, checking each literal against
 * its field's type the way the org does (a quoted value for a boolean field, a
 * date for a dateTime field, an id that is not an id: each refused with the
 * org's message). Text compares without regard to case; a null field matches
 * only {@code = NULL}, {@code != value} and {@code NOT IN}.
 */
final class SoqlFilter {

  private final SObjectType type;
  private final Schema schema;
  private final RecordStore store;
  private final LocalDate today;

  SoqlFilter(SObjectType type, Schema schema, RecordStore store, LocalDate today) {
    this.type = type;
    this.schema = schema;
    this.store = store;
    this.today = today;
  }

  Predicate<Row> bind(SoqlQuery.Condition condition) {
    if (condition == null) {
      return r -> true;
    }
    return switch (condition) {
      case SoqlQuery.And and -> all(and.parts().stream().map(this::bind).toList());
      case SoqlQuery.Or or -> any(or.parts().stream().map(this::bind).toList());
      case SoqlQuery.Not not -> bind(not.part()).negate();
      case SoqlQuery.Compare cmp -> compare(cmp);
      case SoqlQuery.In in -> in(in);
    };
  }

  private static Predicate<Row> all(List<Predicate<Row>> parts) {
    return r -> parts.stream().allMatch(p -> p.test(r));
  }

  private static Predicate<Row> any(List<Predicate<Row>> parts) {
    return r -> parts.stream().anyMatch(p -> p.test(r));
  }

  private Predicate<Row> compare(SoqlQuery.Compare cmp) {
    BoundPath path = BoundPath.resolve(cmp.path(), type, schema);
    FieldDef field = path.leaf();
    String op = cmp.op();
    if (cmp.value() instanceof SoqlQuery.Null) {
      return switch (op) {
        case "=" -> r -> path.value(r, store) == null;
        case "!=" -> r -> path.value(r, store) != null;
        default -> r -> false;
      };
    }
    if (op.equals("LIKE")) {
      if (field.type().kind != FieldType.Kind.TEXT || !(cmp.value() instanceof SoqlQuery.Text text)) {
        throw new SoqlException("INVALID_FIELD", cmp.value().offset(), "invalid operator on " + kindName(field) + " field: LIKE");
      }
      Pattern pattern = likePattern(text.value());
      return r -> {
        Object v = path.value(r, store);
        return v != null && pattern.matcher(v.toString()).matches();
      };
    }
    if (cmp.value() instanceof SoqlQuery.RelativeDate rel) {
      return relative(path, op, rel);
    }
    Object literal = typed(field, cmp.value());
    return r -> {
      Object v = path.value(r, store);
      if (v == null) {
        return op.equals("!=");
      }
      int c = SoqlValues.compare(v, literal);
      return switch (op) {
        case "=" -> c == 0;
        case "!=" -> c != 0;
        case "<" -> c < 0;
        case "<=" -> c <= 0;
        case ">" -> c > 0;
        default -> c >= 0;
      };
    };
  }

  private Predicate<Row> in(SoqlQuery.In in) {
    BoundPath path = BoundPath.resolve(in.path(), type, schema);
    List<Object> values = new ArrayList<>();
    boolean withNull = false;
    for (SoqlQuery.Literal l : in.values()) {
      if (l instanceof SoqlQuery.Null) {
        withNull = true;
      } else {
        values.add(typed(path.leaf(), l));
      }
    }
    boolean nullMatches = withNull;
    Predicate<Row> member = r -> {
      Object v = path.value(r, store);
      return v == null ? nullMatches : values.stream().anyMatch(x -> SoqlValues.compare(v, x) == 0);
    };
    return in.negated() ? member.negate() : member;
  }

  private Predicate<Row> relative(BoundPath path, String op, SoqlQuery.RelativeDate rel) {
    FieldType.Kind kind = path.leaf().type().kind;
    if (kind != FieldType.Kind.DATE && kind != FieldType.Kind.DATETIME) {
      throw typeError(path.leaf(), rel.offset());
    }
    DateLiterals.Range range = DateLiterals.range(rel.name(), rel.n(), today);
    Object from = kind == FieldType.Kind.DATE ? range.from() : range.from().atStartOfDay(ZoneOffset.UTC).toInstant();
    Object until = kind == FieldType.Kind.DATE ? range.until() : range.until().atStartOfDay(ZoneOffset.UTC).toInstant();
    return r -> {
      Object v = path.value(r, store);
      if (v == null) {
        return op.equals("!=");
      }
      boolean inRange = SoqlValues.compare(v, from) >= 0 && SoqlValues.compare(v, until) < 0;
      return switch (op) {
        case "=" -> inRange;
        case "!=" -> !inRange;
        case "<" -> SoqlValues.compare(v, from) < 0;
        case "<=" -> SoqlValues.compare(v, until) < 0;
        case ">" -> SoqlValues.compare(v, until) >= 0;
        default -> SoqlValues.compare(v, from) >= 0;
      };
    };
  }

  /** The literal as a value of the field's type, or the org's refusal. */
  static Object typed(FieldDef field, SoqlQuery.Literal literal) {
    switch (field.type().kind) {
      case ID -> {
        if (literal instanceof SoqlQuery.Text t) {
          String id = SalesforceIds.canonical(t.value());
          if (id == null) {
            throw new SoqlException("INVALID_QUERY_FILTER_OPERATOR", literal.offset(), "invalid ID field: " + t.value());
          }
          return id;
        }
      }
      case TEXT -> {
        if (literal instanceof SoqlQuery.Text t) {
          return t.value().replace("\\%", "%").replace("\\_", "_");
        }
      }
      case BOOLEAN -> {
        if (literal instanceof SoqlQuery.Bool b) {
          return b.value();
        }
      }
      case INTEGER, NUMBER -> {
        if (literal instanceof SoqlQuery.Number n) {
          return n.value();
        }
      }
      case DATE -> {
        if (literal instanceof SoqlQuery.Date d) {
          return d.value();
        }
      }
      case DATETIME -> {
        if (literal instanceof SoqlQuery.DateTime dt) {
          return dt.value();
        }
      }
      default -> { }
    }
    throw typeError(field, literal.offset());
  }

  private static SoqlException typeError(FieldDef field, int offset) {
    boolean quoted = field.type().textual();
    return new SoqlException("INVALID_FIELD", offset, "value of filter criterion for field '" + field.name() + "' must be of type "
        + kindName(field) + " and should " + (quoted ? "" : "not ") + "be enclosed in quotes");
  }

  private static String kindName(FieldDef field) {
    return switch (field.type().kind) {
      case ID -> "id";
      case TEXT -> "string";
      case BOOLEAN -> "boolean";
      case INTEGER -> "integer";
      case NUMBER -> "double";
      case DATE -> "date";
      case DATETIME -> "dateTime";
    };
  }

  /** A LIKE pattern: {@code %} any run, {@code _} one character, {@code \%}/{@code \_} themselves; case-insensitive. */
  static Pattern likePattern(String like) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < like.length(); i++) {
      char c = like.charAt(i);
      if (c == '\\' && i + 1 < like.length()) {
        regex.append(Pattern.quote(String.valueOf(like.charAt(++i))));
      } else if (c == '%') {
        regex.append(".*");
      } else if (c == '_') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
  }
}
