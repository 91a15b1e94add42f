package com.exchangesync.worker.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class SoqlTest {

  @Test
  void buildsAQueryWithConditionsOrderAndLimit() {
    String q = Soql.select("Id", "Email", "Owner.Email").from("Contact")
        .where(Soql.after("SystemModstamp", Instant.parse("2026-01-02T03:04:05Z")))
        .where(Soql.eq("exsync__Active__c", true))
        .orderBy("SystemModstamp", "Id").limit(2000).build();

    assertThat(q).isEqualTo("SELECT Id, Email, Owner.Email FROM Contact WHERE (SystemModstamp > 2026-01-02T03:04:05.000Z"
        + " AND exsync__Active__c = true) ORDER BY SystemModstamp ASC, Id ASC LIMIT 2000");
  }

  @Test
  void inChunks_keepEachQuotedListWithinItsLength_inOrder_andLoseNoValue() {
    List<String> emails = new java.util.ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      emails.add("person" + i + (i % 7 == 0 ? ".o'brien" : "") + "@example.com");
    }
    List<List<String>> chunks = Soql.inChunks(emails, 10_000);
    assertThat(chunks).hasSizeGreaterThan(1);
    assertThat(chunks.stream().flatMap(List::stream).toList()).isEqualTo(emails);
    for (List<String> chunk : chunks) {
      assertThat(Soql.in("Email", chunk).toString().length()).as("the IN list and its field name").isLessThan(10_000 + 20);
    }
    assertThat(Soql.inChunks(emails.subList(0, 500), 60_000)).as("500 emails: one query").hasSize(1);
    assertThat(Soql.inChunks(List.of("x".repeat(200)), 10)).as("a value longer than the budget goes alone").hasSize(1);
    assertThat(Soql.inChunks(List.of(), 10)).isEmpty();
  }

  @Test
  void escapesEverySoqlEscapeSequence() {
    assertThat(Soql.string("O'Brien")).isEqualTo("'O\\'Brien'");
    assertThat(Soql.string("back\\slash")).isEqualTo("'back\\\\slash'");
    assertThat(Soql.string("say \"hi\"")).isEqualTo("'say \\\"hi\\\"'");
    assertThat(Soql.string("a\nb\rc\td\be\ff")).isEqualTo("'a\\nb\\rc\\td\\be\\ff'");
    assertThat(Soql.string("50% of _all_")).isEqualTo("'50% of _all_'");
  }

  @Test
  void hostileValuesStayInsideTheirLiteral() {
    for (String hostile : List.of("' OR Name != '", "\\' OR Id != null OR Name = \\'", "x') OR (Id != null",
        "\\", "'", "\\\\'", "'; DELETE", "' LIMIT 1 --", "\u0000'")) {
      String condition = Soql.eq("Email", hostile).toString();

      assertThat(condition).as(hostile).startsWith("Email = '").endsWith("'");
      assertThat(unquote(condition.substring("Email = ".length()))).as(hostile).isEqualTo(hostile);
    }
  }

  @Property
  void anyStringRoundTripsThroughItsLiteral(@ForAll String value) {
    String literal = Soql.string(value);

    assertThat(unquote(literal)).isEqualTo(value);
  }

  @Test
  void filtersMatchTheirValueLiterally_whateverItHolds() {
    assertThat(Soql.like("Title", "50%_off", true).toString()).isEqualTo("Title LIKE '50\\%\\_off%'");
    assertThat(Soql.like("Title", "it's", false).toString()).isEqualTo("Title LIKE '%it\\'s%'");
    assertThat(Soql.notEq("MailingCountry", "x' OR Id != '").toString())
        .isEqualTo("MailingCountry != 'x\\' OR Id != \\''");
  }

  @Test
  void refusesNamesThatAreNotNames() {
    for (String bad : List.of("Id, (SELECT Id FROM Users)", "Name FROM User --", "Email'", "1Email", "", "Id ", "a.b c",
        "Name\nFROM", "Email__c) OR (Id", "x___c")) {
      assertThatThrownBy(() -> Soql.select(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> Soql.eq(bad, "x")).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> Soql.select("Id").from("Contact WHERE Id != null"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesIdsThatAreNotIds() {
    assertThat(Soql.inIds("Id", List.of("003000000000001", "003000000000002AAA")).toString())
        .isEqualTo("Id IN ('003000000000001', '003000000000002AAA')");
    for (String bad : List.of("003000000000001' OR Id != '", "0030000000000011", "")) {
      assertThatThrownBy(() -> Soql.eqId("Id", bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> Soql.inIds("Id", List.of(bad))).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> Soql.inIds("Id", List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  /** Reads a SOQL string literal back as Salesforce would; fails if the literal ends early. */
  static String unquote(String literal) {
    assertThat(literal).startsWith("'");
    StringBuilder out = new StringBuilder();
    int i = 1;
    while (true) {
      char c = literal.charAt(i);
      if (c == '\'') {
        assertThat(i).as("the literal ends only at its last character").isEqualTo(literal.length() - 1);
        return out.toString();
      }
      if (c == '\\') {
        char e = literal.charAt(++i);
        out.append(switch (e) {
          case 'n' -> '\n';
          case 'r' -> '\r';
          case 't' -> '\t';
          case 'b' -> '\b';
          case 'f' -> '\f';
          case '"', '\'', '\\' -> e;
          default -> throw new AssertionError("invalid escape \\" + e);
        });
      } else {
        out.append(c);
      }
      i++;
    }
  }
}
