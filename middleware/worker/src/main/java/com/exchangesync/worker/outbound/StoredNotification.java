package com.exchangesync.worker.outbound;

import java.time.Instant;
import java.util.Map;

/**
 * A notification as the consumer reads it back from {@code outbound_notification}.
 *
 * @param orgId the canonical org id
 * @param notificationId the notification id
 * @param objectType the API name as Salesforce sent it
 * @param logicalType the name without this org's namespace prefix (what handlers are registered by)
 * @param recordId the canonical record id, or null
 * @param fields the fields the message carried, by API name
 * @param attempts failed handler runs so far
 * @param receivedAt when the endpoint stored it
 */
public record StoredNotification(
    String orgId,
    String notificationId,
    String objectType,
    String logicalType,
    String recordId,
    Map<String, String> fields,
    int attempts,
    Instant receivedAt) {}
