package com.exchangesync.testbed.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.PropertySet;
import microsoft.exchange.webservices.data.core.enumeration.misc.ConnectingIdType;
import microsoft.exchange.webservices.data.core.enumeration.misc.ExchangeVersion;
import microsoft.exchange.webservices.data.core.enumeration.service.SyncFolderItemsScope;
import microsoft.exchange.webservices.data.credential.WebCredentials;
import microsoft.exchange.webservices.data.misc.ImpersonatedUserId;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import microsoft.exchange.webservices.data.sync.ChangeCollection;
import microsoft.exchange.webservices.data.sync.ItemChange;
import org.junit.jupiter.api.Test;

/** Delta queries: pages, links, what a round reports, and the 410 of a token Exchange no longer has. */
class GraphDeltaIT extends GraphTestbedSupport {

  /** One delta round from {@code url}, following nextLinks; the entries and the deltaLink. */
  private record Round(List<JsonObject> entries, String deltaLink, int pages) {}

  private Round round(String url, int pageSize) throws Exception {
    return round(url, pageSize, true);
  }

  /** As above; {@code strict}: no page but the last holds more than the page size (calendar pages keep a series whole). */
  private Round round(String url, int pageSize, boolean strict) throws Exception {
    List<JsonObject> entries = new ArrayList<>();
    int pages = 0;
    String next = url;
    while (true) {
      HttpResponse<Buffer> r = call(HttpMethod.GET, next, null, Map.of("Prefer", "odata.maxpagesize=" + pageSize));
      JsonObject page = ok(r);
      pages++;
      assertThat(r.getHeader("Preference-Applied")).isEqualTo("odata.maxpagesize=" + pageSize);
      page.getJsonArray("value").forEach(o -> entries.add((JsonObject) o));
      if (page.containsKey("@odata.deltaLink")) {
        assertThat(page.containsKey("@odata.nextLink")).isFalse();
        return new Round(entries, page.getString("@odata.deltaLink"), pages);
      }
      if (strict) {
        assertThat(page.getJsonArray("value").size()).isLessThanOrEqualTo(pageSize);
      }
      next = page.getString("@odata.nextLink");
      assertThat(next).contains("$skiptoken=");
    }
  }

  private String syncFolderWithContacts(int n) throws Exception {
    String folder = post("/users/" + ANN + "/contactFolders", new JsonObject().put("displayName", "Salesforce_Sync")).getString("id");
    for (int i = 0; i < n; i++) {
      sim.createContact(ANN, "Salesforce_Sync", new JsonObject().put("givenName", "G" + i).put("surname", "S" + i));
    }
    return folder;
  }

  @Test
  void contactsDelta_pagesTheFirstRound_thenReportsOnlyWhatChanged_inBothProtocolsFeeds() throws Exception {
    String folder = syncFolderWithContacts(7);
    Round first = round("/users/" + ANN + "/contactFolders/" + folder + "/contacts/delta", 3);
    assertThat(first.pages()).isEqualTo(3);
    assertThat(first.entries()).hasSize(7);
    assertThat(first.deltaLink()).contains("$deltatoken=");

    Round quiet = round(first.deltaLink(), 3);
    assertThat(quiet.entries()).isEmpty();

    sim.serviceAccount("svc@corp.example.com", "S3rvice!pass", List.of(ANN));
    ExchangeService ews = new ExchangeService(ExchangeVersion.Exchange2010_SP2);
    ews.setCredentials(new WebCredentials("svc@corp.example.com", "S3rvice!pass"));
    ews.setUrl(new URI(exchange.ewsUrl()));
    ews.setImpersonatedUserId(new ImpersonatedUserId(ConnectingIdType.SmtpAddress, ANN));
    String ewsState = ews.syncFolderItems(new FolderId(folder), PropertySet.IdOnly, null, 512, SyncFolderItemsScope.NormalItems, null)
        .getSyncState();

    JsonArray admin = sim.contacts(ANN, "Salesforce_Sync");
    String edited = admin.getJsonObject(0).getString("id");
    String deleted = admin.getJsonObject(1).getString("id");
    sim.updateContact(ANN, edited, new JsonObject().put("jobTitle", "VP"));
    sim.deleteContact(ANN, deleted);
    String added = sim.createContact(ANN, "Salesforce_Sync", new JsonObject().put("surname", "New")).getString("id");

    Round second = round(quiet.deltaLink(), 3);
    Map<String, JsonObject> byId = new HashMap<>();
    second.entries().forEach(e -> byId.put(e.getString("id"), e));
    assertThat(byId.keySet()).containsExactlyInAnyOrder(edited, deleted, added);
    assertThat(byId.get(edited).getString("jobTitle")).isEqualTo("VP");
    assertThat(byId.get(deleted).getJsonObject("@removed").getString("reason")).isEqualTo("deleted");

    ChangeCollection<ItemChange> ewsChanges = ews.syncFolderItems(new FolderId(folder), PropertySet.IdOnly, null, 512,
        SyncFolderItemsScope.NormalItems, ewsState);
    List<String> ewsIds = new ArrayList<>();
    for (ItemChange c : ewsChanges) {
      ewsIds.add(c.getItemId().getUniqueId());
    }
    assertThat(ewsIds).containsExactlyInAnyOrder(edited, deleted, added);

    // A deltaLink may be used again: a client that crashed before saving the next one resumes from it.
    assertThat(round(quiet.deltaLink(), 3).entries()).hasSize(3);
  }

  @Test
  void unknownMangledOrExpiredTokens_are410SyncStateNotFound() throws Exception {
    String folder = syncFolderWithContacts(2);
    String base = "/users/" + ANN + "/contactFolders/" + folder + "/contacts/delta";
    Round first = round(base, 10);
    graphError(get(base + "?$deltatoken=bm90LWEtdG9rZW4"), 410, "SyncStateNotFound");
    graphError(get(first.deltaLink() + "x"), 410, "SyncStateNotFound");
    fault(new JsonObject().put("protocol", "graph").put("kind", "expireDeltaTokens"));
    graphError(get(first.deltaLink()), 410, "SyncStateNotFound");
    assertThat(round(base, 10).entries()).hasSize(2);
  }

  @Test
  void calendarViewDelta_isBoundToItsWindow_reportsInstancesNotMasters_andNeverACancelledOccurrence() throws Exception {
    JsonObject series = sim.createEvent(ANN, new JsonObject().put("subject", "Standup").put("start", "2026-03-02T09:00:00+01:00")
        .put("end", "2026-03-02T09:15:00+01:00").put("startTimeZone", "Europe/Berlin").put("recurrence", "FREQ=DAILY;COUNT=5"));
    JsonObject single = sim.createEvent(ANN, new JsonObject().put("subject", "Lunch").put("start", "2026-03-03T12:00:00Z")
        .put("end", "2026-03-03T13:00:00Z"));
    sim.createEvent(ANN, new JsonObject().put("subject", "Outside").put("start", "2026-09-01T12:00:00Z").put("end", "2026-09-01T13:00:00Z"));
    String url = "/users/" + ANN + "/calendarView/delta?startDateTime=2026-03-01T00:00:00Z&endDateTime=2026-03-31T00:00:00Z";

    Round first = round(url, 2, false);
    assertThat(first.entries()).hasSize(6);
    assertThat(first.entries()).noneMatch(e -> "seriesMaster".equals(e.getString("type")));
    JsonObject occurrence = first.entries().stream().filter(e -> "occurrence".equals(e.getString("type"))).findFirst().orElseThrow();
    assertThat(occurrence.fieldNames()).containsExactlyInAnyOrder("@odata.type", "@odata.etag", "seriesMasterId", "type", "id",
        "start", "end");
    assertThat(occurrence.getString("seriesMasterId")).isEqualTo(series.getString("id"));
    assertThat(first.pages()).as("the five occurrences stay on one page").isEqualTo(2);

    String originalStart = sim.events(ANN, "2026-03-01T00:00:00Z", "2026-03-31T00:00:00Z").stream().map(JsonObject.class::cast)
        .filter(e -> "Occurrence".equals(e.getString("type"))).skip(2).findFirst().orElseThrow().getString("originalStart");
    sim.deleteOccurrence(ANN, series.getString("id"), originalStart);
    sim.deleteEvent(ANN, single.getString("id"));
    Round second = round(first.deltaLink(), 10, false);
    List<String> removed = new ArrayList<>();
    second.entries().stream().filter(e -> e.containsKey("@removed")).forEach(e -> removed.add(e.getString("id")));
    assertThat(removed).containsExactly(single.getString("id"));
    assertThat(second.entries()).filteredOn(e -> "occurrence".equals(e.getString("type"))).hasSize(4);
    assertThat(second.deltaLink()).doesNotContain("startDateTime");
  }
}
