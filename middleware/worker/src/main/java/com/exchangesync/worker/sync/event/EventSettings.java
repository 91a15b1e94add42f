package com.exchangesync.worker.sync.event;

import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.salesforce.FieldMapping;
import com.exchangesync.worker.salesforce.SyncConfiguration;
import com.exchangesync.worker.sync.Direction;
import com.exchangesync.worker.sync.FieldFilter;
import com.exchangesync.worker.sync.FieldMap;
import com.exchangesync.worker.sync.Fingerprint;
import com.exchangesync.worker.sync.KindSettings;
import com.exchangesync.worker.sync.MailboxKey;
import com.exchangesync.worker.sync.MappingSettings;
import com.exchangesync.worker.sync.RepContext;
import com.exchangesync.worker.sync.Scope;
import com.exchangesync.worker.sync.Winner;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A configuration's event settings turned into what a pass needs: direction,
 * conflict behaviour, "Sync private events", the event filter's window, the
 * mapping. The scope is the events the rep owns that end near or after the
 * window's start (a day's margin, since an all-day event's end is a GMT midnight;
 * the rules then hold the exact line). An event filter that cannot be read stops
 * the configuration's events rather than sync a span the admin did not choose.
 */
final class EventSettings {

  private EventSettings() {}

  static KindSettings forRep(MailboxKey mailbox, String email, String userId, ZoneId zone, SyncConfiguration config,
                             List<FieldMapping> mappings, Clock clock) {
    List<String> problems = new ArrayList<>();
    PeopleDirectory directory = new PeopleDirectory(userId);
    FieldMap map = MappingSettings.fieldMap(config.id(), "Event", ItemKind.EVENT, mappings, EventMapping.defaults(directory, email),
        EventMapping::fromRow, EventMapping.always(directory, email), problems);
    EventWindow.Result window = EventWindow.of(config.eventFilter(), config.eventFilterDays(), zone, clock);
    if (window.window().isEmpty()) {
      problems.add(window.problem());
      return new KindSettings(Optional.empty(), problems);
    }
    // An invitee's copy of someone else's event (IsChild) is not the rep's to sync.
    Scope scope = new Scope(userId, false, List.of(new FieldFilter("IsChild", FieldFilter.Operator.IS_FALSE, ""),
        new FieldFilter("EndDateTime", FieldFilter.Operator.AT_OR_AFTER,
            window.window().get().start().minus(Duration.ofDays(1)).toString())));
    RepContext context = new RepContext(mailbox, email,
        new EventRules(userId, config.syncPrivateEvents(), window.window().get(), zone, directory),
        Direction.fromLabel(config.eventDirection()), Winner.fromLabel(config.eventConflict()), scope, map,
        Fingerprint.of(Map.of("private", Boolean.toString(config.syncPrivateEvents()),
            "filter", String.valueOf(config.eventFilter()) + " " + config.eventFilterDays(),
            "mapping", map.salesforceFields() + "->" + map.keys())));
    return new KindSettings(Optional.of(context), problems);
  }
}
