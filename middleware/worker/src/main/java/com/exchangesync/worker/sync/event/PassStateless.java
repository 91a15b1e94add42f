package com.exchangesync.worker.sync.event;

import java.util.HashMap;
import java.util.Map;

/** Small value helpers the series steps share. */
final class PassStateless {

  private PassStateless() {}

  /** The values without their nulls (a create sets only what has a value). */
  static <K> Map<K, String> nonNull(Map<K, String> values) {
    Map<K, String> out = new HashMap<>();
    values.forEach((k, v) -> {
      if (v != null) {
        out.put(k, v);
      }
    });
    return out;
  }
}
