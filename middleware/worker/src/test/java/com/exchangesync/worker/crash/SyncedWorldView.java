package com.exchangesync.worker.crash;

import io.vertx.core.json.JsonObject;

/** The Salesforce id an item carries, as the Exchange test bed's admin API shows it (for tests outside this package). */
public final class SyncedWorldView {

  private SyncedWorldView() {}

  public static String salesforceId(JsonObject item) {
    return SyncedWorld.salesforceId(item);
  }
}
