package com.exchangesync.worker.exchange;

import java.util.List;

/**
 * One page of changes in a folder since a sync token.
 *
 * @param changed items created or edited since the token, with their current content
 * @param deletedIds ids of items deleted (or moved out of the folder) since the token
 * @param syncToken the token that covers this page; the caller stores it only after
 *     it has applied every change of the page, so a crash replays the page
 * @param moreAvailable whether another page follows right away
 */
public record ItemChanges(List<ExchangeItem> changed, List<String> deletedIds, String syncToken,
                          boolean moreAvailable) {

  public ItemChanges {
    changed = List.copyOf(changed);
    deletedIds = List.copyOf(deletedIds);
  }

  /** How many changes the page holds. */
  public int size() {
    return changed.size() + deletedIds.size();
  }
}
