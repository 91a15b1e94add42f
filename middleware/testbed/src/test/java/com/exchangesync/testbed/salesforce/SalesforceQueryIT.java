package com.exchangesync.testbed.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.fault.ExceptionCode;
import com.sforce.soap.partner.fault.InvalidFieldFault;
import com.sforce.soap.partner.fault.InvalidQueryLocatorFault;
import com.sforce.soap.partner.fault.InvalidSObjectFault;
import com.sforce.soap.partner.fault.MalformedQueryFault;
import com.sforce.soap.partner.fault.UnexpectedErrorFault;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.bind.XmlObject;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** query, queryMore, queryAll, retrieve and the SOQL the middleware sends, through force-wsc. */
class SalesforceQueryIT extends SalesforceTestbedSupport {

  static SObject contact(String first, String last, String email) {
    SObject c = new SObject("Contact");
    c.setField("FirstName", first);
    c.setField("LastName", last);
    c.setField("Email", email);
    return c;
  }

  static List<String> create(PartnerConnection c, SObject... records) throws Exception {
    List<String> ids = new ArrayList<>();
    for (SaveResult r : c.create(records)) {
      assertThat(r.isSuccess()).as(Arrays.toString(r.getErrors())).isTrue();
      ids.add(r.getId());
    }
    return ids;
  }

  static SObject[] contacts(int from, int n) {
    SObject[] batch = new SObject[n];
    for (int i = 0; i < n; i++) {
      batch[i] = contact("First" + (from + i), String.format("Last%04d", from + i), "c" + (from + i) + "@example.com");
    }
    return batch;
  }

  @Test
  void twoHundredPerCall_thenPagesWithQueryMore() throws Exception {
    PartnerConnection c = connect();
    create(c, contacts(0, 200));
    create(c, contacts(200, 200));
    create(c, contacts(400, 50));
    assertThatThrownBy(() -> c.create(contacts(450, 201))).isInstanceOfSatisfying(UnexpectedErrorFault.class, f -> {
      assertThat(f.getExceptionCode()).isEqualTo(ExceptionCode.EXCEEDED_ID_LIMIT);
      assertThat(f.getExceptionMessage()).isEqualTo("record limit reached. cannot submit more than 200 records into this call");
    });

    c.setQueryOptions(200);
    QueryResult page = c.query("SELECT Id, LastName, Email FROM Contact ORDER BY LastName DESC");
    assertThat(page.getSize()).isEqualTo(450);
    assertThat(page.isDone()).isFalse();
    assertThat(page.getRecords()).hasSize(200);
    assertThat(page.getRecords()[0].getField("LastName")).isEqualTo("Last0449");
    List<String> names = new ArrayList<>();
    Arrays.stream(page.getRecords()).forEach(r -> names.add((String) r.getField("LastName")));
    while (!page.isDone()) {
      page = c.queryMore(page.getQueryLocator());
      Arrays.stream(page.getRecords()).forEach(r -> names.add((String) r.getField("LastName")));
    }
    assertThat(names).hasSize(450).doesNotHaveDuplicates();
    assertThat(names.get(449)).isEqualTo("Last0000");
    assertThat(page.getQueryLocator()).isNull();

    c.clearQueryOptions();
    assertThat(c.query("SELECT Id FROM Contact").getRecords()).hasSize(450); // default batch 500
    assertThatThrownBy(() -> c.queryMore("01gXXXXXXXXXXXXXXX-200")).isInstanceOf(InvalidQueryLocatorFault.class);
  }

  @Test
  void recordsCarryTheirFieldsParentsAndNulls() throws Exception {
    PartnerConnection c = connect();
    SObject account = new SObject("Account");
    account.setField("Name", "Globex");
    String accountId = create(c, account).get(0);
    SObject ann = contact("Ann", "Lee", null);
    ann.setField("AccountId", accountId);
    ann.setField("OwnerId", ANN_ID);
    String id = create(c, ann).get(0);

    SObject r = c.query("SELECT Id, Name, Email, Owner.Email, Owner.Name, Account.Name, CreatedDate, IsDeleted FROM Contact")
        .getRecords()[0];
    assertThat(r.getType()).isEqualTo("Contact");
    assertThat(r.getId()).isEqualTo(id).hasSize(18);
    assertThat(r.getField("Name")).isEqualTo("Ann Lee");
    assertThat(r.getField("Email")).isNull();
    XmlObject owner = r.getChild("Owner");
    assertThat(owner.getField("Email")).isEqualTo("ann@corp.example.com");
    assertThat(owner.getField("Name")).isEqualTo("Ann Rep");
    assertThat(((SObject) r.getSObjectField("Account")).getField("Name")).isEqualTo("Globex");
    assertThat((String) r.getField("CreatedDate")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    assertThat(r.getField("IsDeleted")).isEqualTo("false");

    create(c, contact("Bob", "Nobody", null));
    SObject lone = c.query("SELECT LastName, Account.Name FROM Contact WHERE AccountId = null").getRecords()[0];
    assertThat(lone.getId()).isNull(); // Id not selected: nil, as the partner API writes it
    assertThat(lone.getField("LastName")).isEqualTo("Nobody");
    assertThat(lone.getField("Account")).isNull();
  }

  @Test
  void whereClausesFilterAsSoqlDoes() throws Exception {
    PartnerConnection c = connect();
    create(c, contact("Ann", "Alpha", "ann@x.com"), contact("Bob", "Beta", null), contact("Cid", "Gamma", "cid@y.com"),
        contact(null, "O'Brien", "ob@x.com"));
    assertThat(names(c, "SELECT LastName FROM Contact WHERE Email LIKE '%@X.COM' ORDER BY LastName")).containsExactly("Alpha", "O'Brien");
    assertThat(names(c, "SELECT LastName FROM Contact WHERE Email = null")).containsExactly("Beta");
    assertThat(names(c, "SELECT LastName FROM Contact WHERE Email != null AND FirstName != null ORDER BY LastName"))
        .containsExactly("Alpha", "Gamma");
    assertThat(names(c, "SELECT LastName FROM Contact WHERE LastName IN ('alpha', 'GAMMA') ORDER BY LastName"))
        .containsExactly("Alpha", "Gamma");
    assertThat(names(c, "SELECT LastName FROM Contact WHERE LastName NOT IN ('Alpha') AND (FirstName = 'Bob' OR Email LIKE 'cid%')"
        + " ORDER BY LastName DESC")).containsExactly("Gamma", "Beta");
    assertThat(names(c, "SELECT LastName FROM Contact WHERE LastName = 'O\\'Brien'")).containsExactly("O'Brien");
    assertThat(names(c, "SELECT LastName FROM Contact WHERE NOT (LastName < 'C') ORDER BY LastName")).containsExactly("Gamma", "O'Brien");
    assertThat(names(c, "SELECT LastName FROM Contact ORDER BY FirstName NULLS LAST, LastName LIMIT 2 OFFSET 2"))
        .containsExactly("Gamma", "O'Brien");
    assertThat(names(c, "SELECT LastName FROM Contact WHERE IsDeleted = false AND CreatedDate = TODAY AND CreatedDate = LAST_N_DAYS:3"
        + " AND LastModifiedDate > 2020-01-01T00:00:00Z")).hasSize(4);
    assertThat(names(c, "SELECT LastName FROM Contact WHERE CreatedDate < YESTERDAY")).isEmpty();
    assertThat(c.query("SELECT COUNT() FROM Contact WHERE Email != null").getSize()).isEqualTo(3);
    assertThat(c.query("SELECT COUNT() FROM Contact WHERE Email != null").getRecords()).isEmpty();
    assertThat(names(c, "SELECT LastName FROM Contact WHERE Owner.Username = '" + INTEGRATION + "' LIMIT 1")).hasSize(1);
  }

  @Test
  void anOffsetAbove2000IsRefused_asTheOrgNamesIt() throws Exception {
    PartnerConnection c = connect();
    create(c, contact("Ann", "Alpha", "a@x.com"));
    assertThat(c.query("SELECT Id FROM Contact OFFSET 2000").getRecords()).as("2,000 itself is allowed").isEmpty();
    assertThatThrownBy(() -> c.query("SELECT Id FROM Contact ORDER BY LastName LIMIT 10 OFFSET 2001"))
        .isInstanceOfSatisfying(UnexpectedErrorFault.class, f -> {
          assertThat(f.getExceptionCode()).isEqualTo(ExceptionCode.NUMBER_OUTSIDE_VALID_RANGE);
          assertThat(f.getExceptionMessage()).isEqualTo("Maximum SOQL offset allowed for apiName Contact is 2000");
        });
  }

  @Test
  void customObjectsAndTheirRelationships() throws Exception {
    PartnerConnection c = connect();
    SObject config = new SObject("Exchange_Sync_Configuration__c");
    config.setField("Name", "Sales reps");
    config.setField("Active__c", true);
    String configId = create(c, config).get(0);
    SObject member = new SObject("Exchange_Sync_Member__c");
    member.setField("Configuration__c", configId);
    member.setField("User__c", BOB_ID);
    create(c, member);

    SObject m = c.query("SELECT Id, Name, Configuration__r.Name, Configuration__r.Contact_Sync_Direction__c, User__r.Email"
        + " FROM Exchange_Sync_Member__c WHERE Configuration__r.Active__c = TRUE").getRecords()[0];
    assertThat(m.getField("Name")).isEqualTo("M-000001");
    assertThat(m.getChild("Configuration__r").getField("Name")).isEqualTo("Sales reps");
    assertThat(m.getChild("Configuration__r").getField("Contact_Sync_Direction__c")).isEqualTo("None");
    assertThat(m.getChild("User__r").getField("Email")).isEqualTo("bob@corp.example.com");

    SObject[] got = c.retrieve("Id, Name, Active__c", "Exchange_Sync_Configuration__c", new String[] {configId, "a00000000000000"});
    assertThat(got[0].getField("Active__c")).isEqualTo("true");
    assertThat(got[1]).isNull();
  }

  @Test
  void unknownNamesAndSyntaxFailAsInAnOrg() throws Exception {
    PartnerConnection c = connect();
    assertThatThrownBy(() -> c.query("SELECT Id, Foo__c FROM Contact")).isInstanceOfSatisfying(InvalidFieldFault.class, f -> {
      assertThat(f.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_FIELD);
      assertThat(f.getExceptionMessage()).contains("No such column 'Foo__c' on entity 'Contact'").contains("ERROR at Row:1:Column:12");
      assertThat(f.getRow()).isEqualTo(1);
      assertThat(f.getColumn()).isEqualTo(12);
    });
    assertThatThrownBy(() -> c.query("SELECT Id FROM Contact WHERE Owner__r.Name = 'x'")).isInstanceOfSatisfying(InvalidFieldFault.class,
        f -> assertThat(f.getExceptionMessage()).contains("Didn't understand relationship 'Owner__r'"));
    assertThatThrownBy(() -> c.query("SELECT Id FROM Widget__c")).isInstanceOfSatisfying(InvalidSObjectFault.class,
        f -> assertThat(f.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_TYPE));
    assertThatThrownBy(() -> c.query("SELECT Id FROM Contact WHERE LastName = 'a' AND Email = 'b' OR Phone = 'c'"))
        .isInstanceOfSatisfying(MalformedQueryFault.class, f -> assertThat(f.getExceptionMessage()).contains("unexpected token: OR"));
    assertThatThrownBy(() -> c.query("SELECT Id FROM Contact GROUP BY LastName")).isInstanceOf(MalformedQueryFault.class);
    assertThatThrownBy(() -> c.query("SELECT Id FROM Contact WHERE IsDeleted = 'false'")).isInstanceOfSatisfying(InvalidFieldFault.class,
        f -> assertThat(f.getExceptionMessage()).contains("must be of type boolean and should not be enclosed in quotes"));
    assertThatThrownBy(() -> c.query("SELECT Id FROM Contact WHERE CreatedDate > 2024-01-01")).isInstanceOf(InvalidFieldFault.class);
    assertThatThrownBy(() -> c.query("SELECT Id FROM Contact WHERE Id = 'nope'")).isInstanceOfSatisfying(
        com.sforce.soap.partner.fault.ApiQueryFault.class,
        f -> assertThat(f.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_QUERY_FILTER_OPERATOR));
  }

  @Test
  void queryAllSeesDeletedRows_andCursorsExpire() throws Exception {
    PartnerConnection c = connect();
    List<String> ids = create(c, contacts(0, 200));
    ids.addAll(create(c, contacts(200, 100)));
    c.delete(new String[] {ids.get(0)});
    assertThat(c.query("SELECT COUNT() FROM Contact").getSize()).isEqualTo(299);
    QueryResult all = c.queryAll("SELECT Id, IsDeleted FROM Contact WHERE IsDeleted = true");
    assertThat(all.getRecords()).extracting(SObject::getId).containsExactly(ids.get(0));
    assertThat(all.getRecords()[0].getField("IsDeleted")).isEqualTo("true");

    c.setQueryOptions(200);
    QueryResult first = c.query("SELECT Id FROM Contact");
    clock.advance(Duration.ofMinutes(16));
    assertThatThrownBy(() -> c.queryMore(first.getQueryLocator())).isInstanceOf(InvalidQueryLocatorFault.class);
    assertThat(sim.stats().getJsonObject("calls").getLong("queryMore")).isEqualTo(1);
    assertThat(sim.queries()).as("the statements query and queryAll ran, oldest first; queryMore runs none")
        .endsWith("SELECT COUNT() FROM Contact", "SELECT Id, IsDeleted FROM Contact WHERE IsDeleted = true", "SELECT Id FROM Contact");
  }

  @Test
  void userRecordAccessFollowsTheOrgsSharing() throws Exception {
    sim.org(new JsonObject().put("orgId", ORG_ID).put("privateObjects", new JsonArray().add("Contact"))
        .put("integrationUser", new JsonObject().put("username", INTEGRATION).put("password", PASSWORD))
        .put("users", new JsonArray().add(new JsonObject().put("id", ANN_ID).put("username", "ann@acme.example.com"))
            .add(new JsonObject().put("id", BOB_ID).put("username", "bob@acme.example.com"))));
    PartnerConnection c = connect();
    SObject annsContact = contact("A", "Anns", null);
    annsContact.setField("OwnerId", ANN_ID);
    SObject account = new SObject("Account");
    account.setField("Name", "Public");
    List<String> ids = create(c, annsContact, contact("B", "Integrations", null), account);
    String in = "('" + String.join("', '", ids) + "')";
    QueryResult bob = c.query("SELECT RecordId, HasReadAccess, MaxAccessLevel FROM UserRecordAccess WHERE UserId = '" + BOB_ID
        + "' AND RecordId IN " + in);
    assertThat(Arrays.stream(bob.getRecords()).map(r -> r.getField("HasReadAccess"))).containsExactly("false", "false", "true");
    QueryResult ann = c.query("SELECT RecordId, HasReadAccess, MaxAccessLevel FROM UserRecordAccess WHERE UserId = '" + ANN_ID
        + "' AND RecordId IN " + in + " AND HasReadAccess = true");
    assertThat(Arrays.stream(ann.getRecords()).map(r -> (String) r.getField("RecordId"))).containsExactly(ids.get(0), ids.get(2));
    assertThat(ann.getRecords()[0].getField("MaxAccessLevel")).isEqualTo("All");
    assertThat(ann.getRecords()[1].getField("MaxAccessLevel")).isEqualTo("Edit");
    assertThatThrownBy(() -> c.query("SELECT RecordId FROM UserRecordAccess WHERE UserId = '" + ANN_ID + "'"))
        .isInstanceOf(MalformedQueryFault.class);
  }

  private static List<String> names(PartnerConnection c, String soql) throws Exception {
    return Arrays.stream(c.query(soql).getRecords()).map(r -> (String) r.getField("LastName")).toList();
  }
}
