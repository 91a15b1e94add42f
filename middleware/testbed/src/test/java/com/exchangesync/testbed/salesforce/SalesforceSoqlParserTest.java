package com.exchangesync.testbed.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SalesforceSoqlParserTest {

  @Test
  void selectListWithParentPathsOrderLimitOffset() {
    SoqlQuery q = SoqlParser.parse("select Id, Owner.Email, Configuration__r.Name FROM Contact ORDER BY LastName DESC NULLS FIRST,"
        + " Id LIMIT 10 OFFSET 5");
    assertThat(q.fields()).extracting(f -> ((SoqlQuery.Path) f).text()).containsExactly("Id", "Owner.Email", "Configuration__r.Name");
    assertThat(q.from()).isEqualTo("Contact");
    assertThat(q.orderBy()).extracting(SoqlQuery.Order::descending).containsExactly(true, false);
    assertThat(q.orderBy().get(0).nullsFirst()).isTrue();
    assertThat(q.orderBy().get(1).nullsFirst()).isTrue();
    assertThat(q.limit()).isEqualTo(10);
    assertThat(q.offset()).isEqualTo(5);
    assertThat(SoqlParser.parse("SELECT Id FROM Contact ORDER BY Id DESC").orderBy().get(0).nullsFirst()).isFalse();
  }

  @Test
  void typeOfListsTheFieldsOfEachTargetType_andAnElseList() {
    SoqlQuery q = SoqlParser.parse("SELECT Id, TYPEOF Who WHEN Contact THEN Email, Account.Name WHEN Lead THEN Company ELSE Name END,"
        + " Subject FROM Event");
    assertThat(q.fields()).hasSize(3);
    SoqlQuery.TypeOf typeOf = (SoqlQuery.TypeOf) q.fields().get(1);
    assertThat(typeOf.relationship()).isEqualTo("Who");
    assertThat(typeOf.whens().keySet()).containsExactly("Contact", "Lead");
    assertThat(typeOf.whens().get("Contact")).extracting(SoqlQuery.Path::text).containsExactly("Email", "Account.Name");
    assertThat(typeOf.otherwise()).extracting(SoqlQuery.Path::text).containsExactly("Name");
    assertThatThrownBy(() -> SoqlParser.parse("SELECT TYPEOF Who ELSE Name END FROM Event"))
        .isInstanceOf(SoqlException.class).hasMessageContaining("unexpected token: ELSE");
    assertThatThrownBy(() -> SoqlParser.parse("SELECT TYPEOF Who WHEN Lead THEN Company FROM Event"))
        .isInstanceOf(SoqlException.class).hasMessageContaining("unexpected token: FROM");
  }

  @Test
  void countAndEveryLiteralKind() {
    SoqlQuery q = SoqlParser.parse("SELECT COUNT() FROM Contact WHERE A = 'it\\'s' AND B = -1.5 AND C = TRUE AND D = null"
        + " AND E = 2024-02-29 AND F > 2024-02-29T10:00:00.5+01:00 AND G = LAST_N_DAYS:30 AND H = TODAY AND I != 1");
    assertThat(q.count()).isTrue();
    List<SoqlQuery.Condition> parts = ((SoqlQuery.And) q.where()).parts();
    assertThat(((SoqlQuery.Compare) parts.get(0)).value()).isEqualTo(new SoqlQuery.Text("it's", 38));
    assertThat(((SoqlQuery.Number) ((SoqlQuery.Compare) parts.get(1)).value()).value()).isEqualByComparingTo(new BigDecimal("-1.5"));
    assertThat(((SoqlQuery.Compare) parts.get(2)).value()).isInstanceOf(SoqlQuery.Bool.class);
    assertThat(((SoqlQuery.Compare) parts.get(3)).value()).isInstanceOf(SoqlQuery.Null.class);
    assertThat(((SoqlQuery.Date) ((SoqlQuery.Compare) parts.get(4)).value()).value()).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(((SoqlQuery.DateTime) ((SoqlQuery.Compare) parts.get(5)).value()).value())
        .isEqualTo(Instant.parse("2024-02-29T09:00:00.500Z"));
    SoqlQuery.RelativeDate rel = (SoqlQuery.RelativeDate) ((SoqlQuery.Compare) parts.get(6)).value();
    assertThat(rel.name()).isEqualTo("LAST_N_DAYS");
    assertThat(rel.n()).isEqualTo(30);
    assertThat(((SoqlQuery.RelativeDate) ((SoqlQuery.Compare) parts.get(7)).value()).n()).isNull();
    assertThat(((SoqlQuery.Compare) parts.get(8)).op()).isEqualTo("!=");
  }

  @Test
  void inNotInLikeNotAndParentheses() {
    SoqlQuery q = SoqlParser.parse("SELECT Id FROM Contact WHERE (Id IN ('a', 'b') OR Email LIKE '%\\_x%') AND NOT Name NOT IN ('c')");
    SoqlQuery.And and = (SoqlQuery.And) q.where();
    SoqlQuery.Or or = (SoqlQuery.Or) and.parts().get(0);
    assertThat(((SoqlQuery.In) or.parts().get(0)).values()).hasSize(2);
    SoqlQuery.Compare like = (SoqlQuery.Compare) or.parts().get(1);
    assertThat(like.op()).isEqualTo("LIKE");
    assertThat(((SoqlQuery.Text) like.value()).value()).isEqualTo("%\\_x%");
    SoqlQuery.Not not = (SoqlQuery.Not) and.parts().get(1);
    assertThat(((SoqlQuery.In) not.part()).negated()).isTrue();
    assertThat(SoqlParser.parse("SELECT Id FROM Contact WHERE Name <> 'x'").where()).isInstanceOfSatisfying(SoqlQuery.Compare.class,
        c -> assertThat(c.op()).isEqualTo("!="));
  }

  @Test
  void malformedQueriesPointAtTheirProblem() {
    assertMalformed("SELECT Id FROM Contact WHERE A = 1 AND B = 2 OR C = 3", 45, "unexpected token: OR");
    assertMalformed("SELECT Id FROM Contact WHERE", 28, "unexpected token: <EOF>");
    assertMalformed("SELECT FROM Contact", 7, "unexpected token: FROM");
    assertMalformed("SELECT Id, FROM Contact", 11, "unexpected token: FROM");
    assertMalformed("SELECT Id FROM Contact WHERE Name = 'open", 36, "expecting");
    assertMalformed("SELECT Id FROM Contact WHERE Name = 'a\\q'", 38, "Illegal character sequence");
    assertMalformed("SELECT Id FROM Contact WHERE Id IN (SELECT ContactId FROM Event)", 36, "semi-join");
    assertMalformed("SELECT Id, (SELECT Id FROM Events) FROM Contact", 11, "sub-queries");
    assertMalformed("SELECT Id FROM Contact LIMIT -1", 29, "unexpected token");
    assertMalformed("SELECT Id FROM Contact WHERE A = 1 ;", 35, "unexpected token");
    assertMalformed("SELECT Id FROM Contact WHERE D = LAST_N_DAYS", 44, "unexpected token");
    assertMalformed("SELECT Id FROM Contact WHERE D = SOMEDAY", 33, "unexpected token: SOMEDAY");
    assertMalformed("SELECT Id FROM Contact c", 23, "unexpected token: c");
  }

  private static void assertMalformed(String soql, int offset, String message) {
    assertThatThrownBy(() -> SoqlParser.parse(soql)).isInstanceOfSatisfying(SoqlException.class, e -> {
      assertThat(e.code).isEqualTo("MALFORMED_QUERY");
      assertThat(e.getMessage()).contains(message);
      assertThat(e.offset).as(e.getMessage()).isEqualTo(offset);
    });
  }

  @Test
  void theFaultQuotesTheQueryWithACaret() {
    SoqlException e = new SoqlException("INVALID_FIELD", 10, "No such column 'Foo__c'");
    SalesforceFault f = SalesforceFault.query("SELECT Id,\n  Foo__c FROM Contact", new SoqlException("INVALID_FIELD", 13, "x"));
    assertThat(f.getMessage()).isEqualTo("\n  Foo__c FROM Contact\n  ^\nERROR at Row:2:Column:3\nx");
    assertThat(f.row).isEqualTo(2);
    assertThat(f.column).isEqualTo(3);
    assertThat(SalesforceFault.query("SELECT Id,Foo__c FROM Contact", e).envelope())
        .contains("<faultcode>sf:INVALID_FIELD</faultcode>")
        .contains("<sf:InvalidFieldFault xsi:type=\"sf:InvalidFieldFault\">")
        .contains("<sf:row>1</sf:row><sf:column>11</sf:column>");
  }
}
