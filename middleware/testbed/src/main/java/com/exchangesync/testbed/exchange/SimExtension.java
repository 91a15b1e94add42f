package com.exchangesync.testbed.exchange;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Another protocol served from this test bed's mailboxes (one Exchange, two
 * protocols: the Microsoft Graph test bed). It shares the admin API on the
 * exchange URL: its own {@code /sim} routes, its faults ({@code POST /sim/faults}
 * with {@code "protocol": protocol()}), its counts under {@code protocol()} in
 * {@code /sim/stats}, and {@code /sim/reset}.
 */
public interface SimExtension {

  /** The name faults and stats use, such as {@code graph}. */
  String protocol();

  /** Adds this protocol's own admin routes (under {@code /sim}). */
  void mount(Router router, BodyHandler body);

  /**
   * Adds one fault given with {@code "protocol": protocol()}.
   *
   * @throws IllegalArgumentException naming what is wrong with it
   */
  void addFault(JsonObject fault);

  /** This protocol's counts, reported under {@code protocol()} in {@code /sim/stats}. */
  JsonObject stats();

  /** Forgets this protocol's own state, faults and counts (the mailboxes are reset by the store). */
  void reset();
}
