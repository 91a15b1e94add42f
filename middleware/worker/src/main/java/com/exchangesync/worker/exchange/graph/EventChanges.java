package com.exchangesync.worker.exchange.graph;

import com.exchangesync.worker.exchange.ExchangeItem;
import com.exchangesync.worker.exchange.ItemChanges;
import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.exchange.MailboxError;
import com.exchangesync.worker.exchange.MailboxException;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The main calendar's changes, as the mailbox interface wants them: singles and
 * series masters, never occurrences, an exception or a cancelled occurrence
 * being a change of its master.
 *
 * <p>Graph has no delta of a calendar's masters: {@code calendarView/delta}
 * reports singles, occurrences and exceptions inside a window fixed at its first
 * request, and says nothing when one occurrence is cancelled. So:
 * <ul>
 *   <li>singles come from {@code calendarView/delta} over {@link DeltaWindow}; a
 *       removed entry is a deleted single only if the round reported it as a
 *       single (the token keeps short hashes of those ids): removed occurrences
 *       are their series' business;</li>
 *   <li>series come from comparing the calendar's masters (ids and change keys,
 *       one list call per thousand series, at the end of each round) with the
 *       last list: a new, changed or vanished master is reported. Exchange moves
 *       a master's change key whenever one of its occurrences is changed or
 *       cancelled, so this is where the series' instances get compared: the
 *       engine reads the changed master's occurrences and finds the cancelled one
 *       missing;</li>
 *   <li>when the month turns the window moves: the old round is followed to its
 *       end (so nothing deleted meanwhile is missed), then a new round lists every
 *       single of the new window again; the engine's links make that a resync
 *       that duplicates nothing.</li>
 * </ul>
 * Everything reported is read whole in batches; one gone by then was deleted.
 */
final class EventChanges {

  private final GraphHttp http;
  private final SyncedFolders folders;
  private final Clock clock;

  EventChanges(GraphHttp http, SyncedFolders folders, Clock clock) {
    this.http = http;
    this.folders = folders;
    this.clock = clock;
  }

  ItemChanges read(Optional<String> syncToken) throws MailboxException {
    String smtp = folders.smtp();
    DeltaWindow now = DeltaWindow.current(clock);
    DeltaToken token = syncToken.isEmpty() ? DeltaToken.events(now, Optional.empty(), Map.of(), Set.of())
        : DeltaToken.decode(syncToken.get(), ItemKind.EVENT, smtp);
    boolean fromToken = token.link().isPresent();
    DeltaWindow window = fromToken ? token.window() : now;
    ApiRequest request = SyncedFolders.readShape(ItemKind.EVENT, ApiRequest.get("calendarView.delta", ApiRequest.CALENDARS,
        token.link().orElseGet(() -> GraphPaths.query(GraphPaths.user(smtp) + "/calendarView/delta")
            .with("startDateTime", window.from().toString()).with("endDateTime", window.to().toString()).build())));
    DeltaPage page = DeltaPage.fetch(http, smtp, request, fromToken);

    Set<String> singles = new LinkedHashSet<>(fromToken ? token.singles() : Set.of());
    Set<String> changed = new LinkedHashSet<>();
    Set<String> maybeGone = new LinkedHashSet<>();
    Set<String> deleted = new LinkedHashSet<>();
    for (JsonObject entry : page.entries()) {
      String id = entry.getString("id");
      Optional<String> removal = DeltaPage.removal(entry);
      if (removal.isPresent()) {
        // Only a single the round knew is reported: a removed occurrence is its series' (the masters tell).
        if (singles.remove(DeltaToken.hash(id))) {
          changed.remove(id);
          (removal.get().equals("deleted") ? deleted : maybeGone).add(id);
        }
      } else if ("singleInstance".equals(entry.getString("type")) || "seriesMaster".equals(entry.getString("type"))) {
        singles.add(DeltaToken.hash(id));
        changed.add(id);
        deleted.remove(id);
      }
    }
    Map<String, String> masters = token.masters();
    if (page.last()) {
      Map<String, String> listed = masters();
      listed.forEach((id, key) -> {
        if (!key.equals(token.masters().get(id))) {
          changed.add(id);
        }
      });
      token.masters().keySet().stream().filter(id -> !listed.containsKey(id)).forEach(maybeGone::add);
      masters = listed;
    }
    List<String> toRead = new ArrayList<>(changed);
    toRead.addAll(maybeGone);
    Map<String, JsonObject> read = GraphReads.byIds(http, folders, ItemKind.EVENT, toRead);
    List<ExchangeItem> items = new ArrayList<>();
    read.values().forEach(json -> items.add(GraphEventCodec.read(json)));
    toRead.stream().filter(id -> !read.containsKey(id)).forEach(deleted::add);

    boolean moved = page.last() && !window.equals(now);
    DeltaToken next = moved
        // The window moved: a new round over the new one, right after this page.
        ? DeltaToken.events(now, Optional.empty(), masters, Set.of())
        : DeltaToken.events(window, Optional.of(page.link()), masters, singles);
    return new ItemChanges(items, List.copyOf(deleted), next.encode(), !page.last() || moved);
  }

  /** Every series master of the calendar, by id, with a hash of its change key. */
  private Map<String, String> masters() throws MailboxException {
    String smtp = folders.smtp();
    Map<String, String> out = new LinkedHashMap<>();
    ApiRequest request = ApiRequest.get("events.list", ApiRequest.CALENDARS, GraphPaths.query(folders.collection(ItemKind.EVENT))
        .with("$filter", "type eq 'seriesMaster'").with("$select", "id,changeKey").with("$top", "1000").build());
    Set<String> seen = new HashSet<>();
    while (request != null) {
      ApiReply reply = http.send(smtp, request);
      if (!reply.ok()) {
        throw new MailboxException(MailboxError.UNEXPECTED, "Listing the series of " + smtp + " failed: " + reply.describe());
      }
      for (JsonObject m : reply.values()) {
        out.put(m.getString("id"), DeltaToken.hash(GraphEventCodec.changeKey(m)));
      }
      Optional<String> next = reply.nextLink();
      request = next.isPresent() && seen.add(next.get()) ? request.at(http.relative(next.get())) : null;
    }
    return out;
  }
}
