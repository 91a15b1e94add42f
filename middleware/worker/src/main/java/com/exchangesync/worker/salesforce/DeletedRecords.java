package com.exchangesync.worker.salesforce;

import java.time.Instant;
import java.util.List;

/**
 * Records deleted in a time window, from {@code getDeleted}.
 *
 * @param ids canonical ids of the deleted records
 * @param latestDateCovered the watermark to ask from next time
 * @param complete false when the window started before what Salesforce still
 *     remembers (15 days, or an emptied recycle bin): some deletions may be
 *     missing, and the caller must reconcile by listing the ids that still exist
 */
public record DeletedRecords(List<String> ids, Instant latestDateCovered, boolean complete) {}
