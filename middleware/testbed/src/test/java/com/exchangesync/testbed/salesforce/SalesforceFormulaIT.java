package com.exchangesync.testbed.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.sobject.SObject;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The package's formula field {@code Exchange_Sync_Saved_Since_Created__c} (copied from the project's
 * {@code force-app}), computed from the record's audit fields whenever it is read or filtered: false for a record
 * nobody saved since its creator made it, true after another user's save or a later save by its creator, and never
 * writable.
 */
class SalesforceFormulaIT extends SalesforceTestbedSupport {

  private static final String FIELD = "Exchange_Sync_Saved_Since_Created__c";

  @Override
  void addToPackage(Path root) throws IOException {
    Path forceApp = ProjectRoot.forceApp().orElseThrow(() -> new IllegalStateException("no force-app found for the package's formula"));
    Path file = Path.of("main/default/objects/Contact/fields", FIELD + ".field-meta.xml");
    Path to = root.resolve("force-app").resolve(file);
    Files.createDirectories(to.getParent());
    Files.copy(forceApp.resolve(file), to);
  }

  @Test
  void untouchedRecords_readFalse_andAnotherUsersSaveOrALaterSave_readTrue_inSelectWhereAndRetrieve() throws Exception {
    PartnerConnection c = connect();
    List<String> ids = SalesforceQueryIT.create(c, SalesforceQueryIT.contacts(0, 4));
    String untouched = ids.get(0);
    String byAnn = ids.get(1);
    String laterByWorker = ids.get(2);
    String sameSecondByWorker = ids.get(3);

    assertThat(flags(c, ids)).as("nobody saved them since the integration user made them").containsOnly("false");

    update(c, sameSecondByWorker, "Title", "Same second"); // audit times are kept to the second: nothing tells this save
    sim.update("Contact", byAnn, new JsonObject().put("Title", "Edited by Ann"));
    clock.advance(Duration.ofSeconds(1));
    update(c, laterByWorker, "Title", "A second later");

    assertThat(flags(c, ids)).containsExactly("false", "true", "true", "false");
    assertThat(idsWhere(c, FIELD + " = true")).containsExactlyInAnyOrder(byAnn, laterByWorker);
    assertThat(idsWhere(c, FIELD + " = false")).containsExactlyInAnyOrder(untouched, sameSecondByWorker);

    String integration = c.getUserInfo().getUserId();
    Set<String> feed = idsWhere(c, "SystemModstamp > 2000-01-01T00:00:00Z AND (CreatedById != '" + integration + "' OR "
        + FIELD + " = true)");
    assertThat(feed).as("the org feed's filter: what the integration user made and nobody saved since is left out")
        .containsExactlyInAnyOrder(byAnn, laterByWorker);

    SObject[] back = c.retrieve("Id, " + FIELD, "Contact", new String[] {untouched, byAnn});
    assertThat(back[0].getField(FIELD)).isEqualTo("false");
    assertThat(back[1].getField(FIELD)).isEqualTo("true");
  }

  @Test
  void aRecordAPersonMade_readsFalseUntilSavedAgain() throws Exception {
    PartnerConnection c = connect();
    String annsContact = sim.create("Contact", new JsonObject().put("LastName", "Made by Ann")).getString("Id");
    assertThat(flags(c, List.of(annsContact))).as("created and last saved by Ann, in one second").containsOnly("false");
    clock.advance(Duration.ofSeconds(2));
    update(c, annsContact, "Title", "The worker's update");
    assertThat(flags(c, List.of(annsContact))).as("last saved by someone else than its creator").containsOnly("true");
  }

  @Test
  void writingTheFormula_isRefused() throws Exception {
    PartnerConnection c = connect();
    SObject contact = SalesforceQueryIT.contact("Fay", "Formula", "fay@example.com");
    contact.setField(FIELD, true);
    SaveResult created = c.create(new SObject[] {contact})[0];
    assertThat(created.isSuccess()).isFalse();
    assertThat(created.getErrors()[0].getStatusCode().toString()).isEqualTo("INVALID_FIELD_FOR_INSERT_UPDATE");

    String id = SalesforceQueryIT.create(c, SalesforceQueryIT.contact("Fay", "Formula", "fay@example.com")).get(0);
    SObject change = new SObject("Contact");
    change.setId(id);
    change.setField(FIELD, true);
    SaveResult updated = c.update(new SObject[] {change})[0];
    assertThat(updated.isSuccess()).isFalse();
    assertThat(updated.getErrors()[0].getStatusCode().toString()).isEqualTo("INVALID_FIELD_FOR_INSERT_UPDATE");
    assertThat(flags(c, List.of(id))).containsOnly("false");
  }

  private static void update(PartnerConnection c, String id, String field, String value) throws Exception {
    SObject change = new SObject("Contact");
    change.setId(id);
    change.setField(field, value);
    SaveResult r = c.update(new SObject[] {change})[0];
    assertThat(r.isSuccess()).as(Arrays.toString(r.getErrors())).isTrue();
  }

  /** The field's value for each id, in the ids' order, as a query selects it. */
  private static List<Object> flags(PartnerConnection c, List<String> ids) throws Exception {
    QueryResult q = c.query("SELECT Id, " + FIELD + " FROM Contact WHERE Id IN ('" + String.join("','", ids) + "')");
    return ids.stream().map(id -> Arrays.stream(q.getRecords()).filter(r -> r.getId().equals(id)).findFirst().orElseThrow()
        .getField(FIELD)).toList();
  }

  private static Set<String> idsWhere(PartnerConnection c, String where) throws Exception {
    Set<String> out = new TreeSet<>();
    for (SObject r : c.query("SELECT Id FROM Contact WHERE " + where).getRecords()) {
      out.add(r.getId());
    }
    return out;
  }
}
