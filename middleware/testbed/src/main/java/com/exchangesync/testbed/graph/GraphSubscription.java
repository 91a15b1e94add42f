package com.exchangesync.testbed.graph;

import com.exchangesync.testbed.exchange.Mailbox;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Set;

/**
 * One change-notification subscription: the resource it watches (a user's contacts, a contact folder's
 * contacts, or a user's events: one folder of one mailbox), the change types, where notifications and
 * lifecycle notifications go, the client state echoed in each, and when it expires. Touched only under the
 * lock of {@link GraphSubscriptions}.
 */
final class GraphSubscription {

  final String id;
  final String resource;
  final Mailbox mailbox;
  final String folderId;
  /** {@code #Microsoft.Graph.Contact} or {@code #Microsoft.Graph.Event}; the noun of notification resources follows it. */
  final boolean contacts;
  final Set<String> changeTypes;
  final String notificationUrl;
  final String lifecycleNotificationUrl;
  final String clientState;
  final String applicationId;
  final String tenantId;
  Instant expiration;
  /** Whether the one {@code reauthorizationRequired} before expiry went out. */
  boolean reauthorizationSent;

  GraphSubscription(String id, String resource, Mailbox mailbox, String folderId, boolean contacts, Set<String> changeTypes,
                    String notificationUrl, String lifecycleNotificationUrl, String clientState, String applicationId,
                    String tenantId, Instant expiration) {
    this.id = id;
    this.resource = resource;
    this.mailbox = mailbox;
    this.folderId = folderId;
    this.contacts = contacts;
    this.changeTypes = changeTypes;
    this.notificationUrl = notificationUrl;
    this.lifecycleNotificationUrl = lifecycleNotificationUrl;
    this.clientState = clientState;
    this.applicationId = applicationId;
    this.tenantId = tenantId;
    this.expiration = expiration;
  }

  /** The subscription resource as Graph answers it. */
  JsonObject json(String baseUrl) {
    return new JsonObject().put("@odata.context", baseUrl + "/v1.0/$metadata#subscriptions/$entity").put("id", id)
        .put("resource", resource).put("applicationId", applicationId).put("changeType", String.join(",", changeTypes))
        .put("clientState", clientState).put("notificationUrl", notificationUrl)
        .put("notificationQueryOptions", null).put("lifecycleNotificationUrl", lifecycleNotificationUrl)
        .put("expirationDateTime", GraphTime.offset(expiration)).put("creatorId", applicationId)
        .put("includeResourceData", false).put("latestSupportedTlsVersion", "v1_2").put("encryptionCertificate", null)
        .put("encryptionCertificateId", null).put("notificationUrlAppId", null);
  }

  /** One change notification about item {@code itemId} ({@code changeType} created, updated or deleted). */
  JsonObject notification(String changeType, String itemId, String changeKey) {
    String noun = contacts ? "Contacts" : "Events";
    String path = "Users/" + mailbox.smtp + "/" + noun + "/" + itemId;
    JsonObject data = new JsonObject().put("@odata.type", contacts ? "#Microsoft.Graph.Contact" : "#Microsoft.Graph.Event")
        .put("@odata.id", path);
    if (changeKey != null) {
      data.put("@odata.etag", "W/\"" + changeKey + "\"");
    }
    data.put("id", itemId);
    return new JsonObject().put("subscriptionId", id).put("subscriptionExpirationDateTime", GraphTime.offset(expiration))
        .put("changeType", changeType).put("resource", path).put("resourceData", data).put("clientState", clientState)
        .put("tenantId", tenantId);
  }

  /** A lifecycle notification: {@code reauthorizationRequired}, {@code subscriptionRemoved} or {@code missed}. */
  JsonObject lifecycle(String event) {
    return new JsonObject().put("subscriptionId", id).put("subscriptionExpirationDateTime", GraphTime.offset(expiration))
        .put("tenantId", tenantId).put("clientState", clientState).put("lifecycleEvent", event);
  }
}
