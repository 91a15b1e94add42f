package com.exchangesync.worker.sync.contact;

import com.exchangesync.worker.sync.SalesforceItem;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which Salesforce contact an Exchange contact is linked to when its email
 * matches several (the configuration's "When an Exchange contact matches
 * multiple Salesforce contacts, link to the one that...").
 */
public enum MatchPreference {
  MOST_RECENT_ACTIVITY("Has the most recent activity"),
  LAST_UPDATED("Was last updated"),
  OLDEST_CREATED("Has the oldest creation date");

  private final String label;

  MatchPreference(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The preference a picklist value names; blank or unknown is "most recent activity", the guide's default. */
  public static MatchPreference fromLabel(String label) {
    for (MatchPreference p : values()) {
      if (p.label.equalsIgnoreCase(label == null ? "" : label.trim())) {
        return p;
      }
    }
    return MOST_RECENT_ACTIVITY;
  }

  /**
   * The preferred contact among {@code candidates}. Ties (and contacts with no
   * activity) fall back to the last updated, then the lowest id, so the choice is
   * the same on every worker and every run.
   */
  public Optional<SalesforceItem> choose(List<SalesforceItem> candidates) {
    Comparator<SalesforceItem> byId = Comparator.comparing(SalesforceItem::id);
    Comparator<SalesforceItem> lastUpdated = Comparator.comparing(SalesforceItem::lastModified).reversed();
    Comparator<SalesforceItem> order = switch (this) {
      case MOST_RECENT_ACTIVITY -> Comparator.comparing((SalesforceItem c) -> c.lastActivity() == null ? Instant.MIN : c.lastActivity())
          .reversed().thenComparing(lastUpdated);
      case LAST_UPDATED -> lastUpdated;
      case OLDEST_CREATED -> Comparator.comparing(SalesforceItem::created);
    };
    return candidates.stream().min(order.thenComparing(byId));
  }
}
