package com.exchangesync.testbed.salesforce;

/**
 * How one write call asks the org to save: the partner API's {@code AllOrNoneHeader}
 * ({@code allOrNone}), {@code AllowFieldTruncationHeader} ({@code allowFieldTruncation}:
 * text too long is cut instead of refused) and {@code DuplicateRuleHeader}
 * ({@link DuplicateRuleHeader}).
 */
record SaveOptions(boolean allOrNone, boolean allowFieldTruncation, DuplicateRuleHeader duplicates) {

  /**
   * The {@code DuplicateRuleHeader}: {@code allowSave} saves past a duplicate rule that alerts (one that
   * blocks still refuses), {@code includeRecordDetails} puts the duplicates' fields in the error (else their
   * ids alone), {@code runAsCurrentUser} matches only records the caller can read (else all, as Apex in
   * system context does). Absent, all three are false.
   */
  record DuplicateRuleHeader(boolean allowSave, boolean includeRecordDetails, boolean runAsCurrentUser) {}

  /** A person saving in the UI: one record at a time, and "Save (Ignore Alert)" past an alerting rule. */
  static final SaveOptions UI = new SaveOptions(true, false, new DuplicateRuleHeader(true, false, true));

  /** The options of an API call, from its SOAP headers. */
  static SaveOptions of(SoapCall call) {
    return new SaveOptions(call.allOrNone(), call.flag("AllowFieldTruncationHeader", "allowFieldTruncation"),
        new DuplicateRuleHeader(call.flag("DuplicateRuleHeader", "allowSave"), call.flag("DuplicateRuleHeader", "includeRecordDetails"),
            call.flag("DuplicateRuleHeader", "runAsCurrentUser")));
  }
}
