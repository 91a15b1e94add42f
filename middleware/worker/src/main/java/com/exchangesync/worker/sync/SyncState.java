package com.exchangesync.worker.sync;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the sync remembers of one rep and kind, read at the start of a pass.
 *
 * @param links the synced pairs
 * @param tombstones records whose partner was deleted
 * @param cursors where each side's feed was read to
 * @param retries records whose last write failed
 */
public record SyncState(List<Link> links, List<Tombstone> tombstones, Map<Side, Cursor> cursors, List<Retry> retries) {

  public SyncState {
    links = List.copyOf(links);
    tombstones = List.copyOf(tombstones);
    cursors = Map.copyOf(cursors);
    retries = List.copyOf(retries);
  }

  /** The cursor of {@code side}, if it is still valid for {@code direction}. */
  public Optional<Cursor> cursor(Side side, Direction direction) {
    return Optional.ofNullable(cursors.get(side)).filter(c -> c.direction() == direction);
  }

  /** The cursor of {@code side}, if it is still valid for {@code direction} and {@code settings}. */
  public Optional<Cursor> cursor(Side side, Direction direction, String settings) {
    return cursor(side, direction).filter(c -> c.settings().equals(settings));
  }
}
