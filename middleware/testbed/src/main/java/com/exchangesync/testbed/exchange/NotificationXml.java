package com.exchangesync.testbed.exchange;

import java.util.List;
import java.util.Map;

/**
 * Writes {@code Subscribe}, {@code Unsubscribe} and {@code GetStreamingEvents} answers as Exchange Server 2016
 * does. One {@code GetStreamingEvents} answer is a stream of whole SOAP envelopes, one per HTTP chunk: a
 * batch of notifications (one {@code Notification} per subscription, at most {@link #MAX_EVENTS} events
 * each), or a {@code ConnectionStatus} of {@code OK} (the connection is alive) or {@code Closed} (its time is
 * up; the last one).
 *
 * <p>Two elements are written in the messages namespace where the published schema puts them in the types
 * namespace: {@code Notification} inside {@code Notifications}, and {@code SubscriptionId} inside
 * {@code ErrorSubscriptionIds}. That is what Exchange sends (the examples of Microsoft's GetStreamingEvents
 * reference show {@code m:Notification}) and what Microsoft's own clients (the EWS Managed API and its Java
 * port) read, and fail on otherwise; {@link #schemaShaped} maps them back before the schema check.
 */
final class NotificationXml {

  /** Events per subscription per notification: the first 50 queued, as the GetStreamingEvents reference says. */
  static final int MAX_EVENTS = 50;

  private NotificationXml() {}

  static String subscribed(StreamingSubscription s) {
    StringBuilder out = new StringBuilder();
    EwsResponses.open(out, "Subscribe");
    EwsResponses.success(out, "Subscribe", "<m:SubscriptionId>" + Xml.esc(s.id) + "</m:SubscriptionId>");
    EwsResponses.close(out, "Subscribe");
    return out.toString();
  }

  static String subscribeFailed(ResponseMessageError e) {
    StringBuilder out = new StringBuilder();
    EwsResponses.open(out, "Subscribe");
    EwsResponses.error(out, "Subscribe", e, "");
    EwsResponses.close(out, "Subscribe");
    return out.toString();
  }

  static String unsubscribed(ResponseMessageError error) {
    StringBuilder out = new StringBuilder();
    EwsResponses.open(out, "Unsubscribe");
    if (error == null) {
      EwsResponses.success(out, "Unsubscribe", "");
    } else {
      EwsResponses.error(out, "Unsubscribe", error, "");
    }
    EwsResponses.close(out, "Unsubscribe");
    return out.toString();
  }

  /** A keep-alive ({@code OK}) or the end of the connection ({@code Closed}). */
  static String status(boolean open) {
    return streaming("<m:GetStreamingEventsResponseMessage ResponseClass=\"Success\"><m:ResponseCode>NoError</m:ResponseCode>"
        + "<m:ConnectionStatus>" + (open ? "OK" : "Closed") + "</m:ConnectionStatus></m:GetStreamingEventsResponseMessage>");
  }

  /** Subscriptions that cannot be streamed: named with their error, the connection going on ({@code open}) or not. */
  static String failed(String code, String message, List<String> ids, boolean open) {
    StringBuilder list = new StringBuilder("<m:ErrorSubscriptionIds>");
    ids.forEach(id -> list.append("<m:SubscriptionId>").append(Xml.esc(id)).append("</m:SubscriptionId>"));
    list.append("</m:ErrorSubscriptionIds>");
    return streaming("<m:GetStreamingEventsResponseMessage ResponseClass=\"Error\"><m:MessageText>" + Xml.esc(message)
        + "</m:MessageText><m:ResponseCode>" + code + "</m:ResponseCode><m:DescriptiveLinkKey>0</m:DescriptiveLinkKey>"
        + (ids.isEmpty() ? "" : list) + "<m:ConnectionStatus>" + (open ? "OK" : "Closed") + "</m:ConnectionStatus>"
        + "</m:GetStreamingEventsResponseMessage>");
  }

  /** One batch: a notification per subscription with its events. */
  static String notifications(Map<StreamingSubscription, List<MailboxEvent>> batch) {
    StringBuilder out = new StringBuilder("<m:GetStreamingEventsResponseMessage ResponseClass=\"Success\">"
        + "<m:ResponseCode>NoError</m:ResponseCode><m:Notifications>");
    batch.forEach((s, events) -> {
      out.append("<m:Notification><t:SubscriptionId>").append(Xml.esc(s.id)).append("</t:SubscriptionId>");
      events.forEach(e -> event(out, e));
      out.append("</m:Notification>");
    });
    out.append("</m:Notifications></m:GetStreamingEventsResponseMessage>");
    return streaming(out.toString());
  }

  private static void event(StringBuilder out, MailboxEvent e) {
    out.append("<t:").append(e.type().element).append("><t:TimeStamp>").append(e.at()).append("</t:TimeStamp>")
        .append("<t:ItemId Id=\"").append(Xml.esc(e.itemId())).append('"');
    if (e.itemChangeKey() != null) {
      out.append(" ChangeKey=\"").append(Xml.esc(e.itemChangeKey())).append('"');
    }
    out.append("/><t:ParentFolderId Id=\"").append(Xml.esc(e.folderId())).append('"');
    if (e.folderChangeKey() != null) {
      out.append(" ChangeKey=\"").append(Xml.esc(e.folderChangeKey())).append('"');
    }
    out.append("/>");
    if (e.oldItemId() != null) {
      out.append("<t:OldItemId Id=\"").append(Xml.esc(e.oldItemId())).append("\"/><t:OldParentFolderId Id=\"")
          .append(Xml.esc(e.oldFolderId())).append("\"/>");
    }
    out.append("</t:").append(e.type().element).append('>');
  }

  private static String streaming(String message) {
    return EwsResponses.envelope("<m:GetStreamingEventsResponse xmlns:m=\"" + Xml.MESSAGES + "\" xmlns:t=\"" + Xml.TYPES
        + "\"><m:ResponseMessages>" + message + "</m:ResponseMessages></m:GetStreamingEventsResponse>");
  }

  /**
   * {@code envelope} with the two elements Exchange writes in the messages namespace moved to the types
   * namespace the schema gives them (see the class comment); everything else as it is.
   */
  static org.w3c.dom.Document schemaShaped(org.w3c.dom.Document envelope) {
    for (String[] pair : new String[][] {{"Notifications", "Notification"}, {"ErrorSubscriptionIds", "SubscriptionId"}}) {
      org.w3c.dom.NodeList parents = envelope.getElementsByTagNameNS(Xml.MESSAGES, pair[0]);
      for (int i = 0; i < parents.getLength(); i++) {
        for (org.w3c.dom.Element child : Xml.children((org.w3c.dom.Element) parents.item(i), pair[1])) {
          if (Xml.MESSAGES.equals(child.getNamespaceURI())) {
            envelope.renameNode(child, Xml.TYPES, "t:" + pair[1]);
          }
        }
      }
    }
    return envelope;
  }
}
