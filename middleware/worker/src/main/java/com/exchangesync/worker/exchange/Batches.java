package com.exchangesync.worker.exchange;

import java.util.ArrayList;
import java.util.List;

/** Cuts a list into consecutive batches of a protocol's size limit. */
public final class Batches {

  private Batches() {}

  /** {@code all} in order, as lists of at most {@code size} (views of {@code all}). */
  public static <T> List<List<T>> of(List<T> all, int size) {
    if (size < 1) {
      throw new IllegalArgumentException("a batch holds at least one item");
    }
    List<List<T>> batches = new ArrayList<>();
    for (int from = 0; from < all.size(); from += size) {
      batches.add(all.subList(from, Math.min(all.size(), from + size)));
    }
    return batches;
  }
}
