package com.exchangesync.testbed.exchange;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * {@code Subscribe} (streaming subscriptions), {@code Unsubscribe} and the request side of
 * {@code GetStreamingEvents}, on the Mailbox server the request was routed to ({@link MailboxServers}).
 * Pull and push subscriptions are not served.
 */
final class SubscriptionOperations {

  /**
   * What a {@code GetStreamingEvents} asked for: the subscriptions to stream, those that cannot be (their
   * ids and the error code of the first), and the connection's life in minutes.
   */
  record StreamRequest(List<StreamingSubscription> found, List<String> failedIds, String failureCode, int minutes) {

    String failureMessage() {
      return switch (failureCode) {
        case "ErrorInvalidSubscription" -> "The subscription is invalid.";
        case "ErrorSubscriptionAccessDenied" -> "Access is denied. Only the subscription owner may access the subscription.";
        default -> "The specified subscription was not found.";
      };
    }
  }

  private SubscriptionOperations() {}

  /** Subscribes the acting mailbox's folders; runs under the store's lock (the folders are read). */
  static String subscribe(Call call, StreamingSubscriptions registry, String server, String owner) {
    Element request = Xml.children(call.request()).stream().findFirst().orElseThrow(() -> SoapFault.schemaValidation(
        "The element 'Subscribe' has incomplete content.", 0, 0));
    if (!request.getLocalName().equals("StreamingSubscriptionRequest")) {
      throw SoapFault.of("ErrorInvalidRequest",
          "The request is invalid: " + request.getLocalName() + " subscriptions are not served by this test bed.");
    }
    try {
      boolean allFolders = Xml.attr(request, "SubscribeToAllFolders").map(v -> v.trim().equals("true") || v.trim().equals("1"))
          .orElse(false);
      Set<String> folders = allFolders ? null : folders(call, request);
      Set<MailboxEvent.Type> types = types(request);
      return NotificationXml.subscribed(registry.subscribe(server, owner, call.mailbox(), folders, types));
    } catch (ResponseMessageError e) {
      return NotificationXml.subscribeFailed(e);
    }
  }

  private static Set<String> folders(Call call, Element request) {
    List<Element> ids = Xml.child(request, "FolderIds").map(Xml::children).orElse(List.of());
    if (ids.isEmpty()) {
      throw new ResponseMessageError("ErrorInvalidSubscriptionRequest",
          "The subscription request must name the folders to watch or subscribe to all folders.");
    }
    Set<String> out = new LinkedHashSet<>();
    for (Element id : ids) {
      boolean otherMailbox = Xml.child(id, "Mailbox").flatMap(mb -> Xml.childText(mb, "EmailAddress"))
          .map(a -> !a.trim().equalsIgnoreCase(call.mailbox().smtp)).orElse(false);
      if (otherMailbox) {
        throw new ResponseMessageError("ErrorInvalidSubscriptionRequest",
            "A subscription can only be established on a single public folder or on folders from a single mailbox.");
      }
      out.add(call.folder(id).id);
    }
    return out;
  }

  /** The event types asked for; {@code NewMailEvent} and {@code FreeBusyChangedEvent} are accepted and never happen here. */
  private static Set<MailboxEvent.Type> types(Element request) {
    Set<MailboxEvent.Type> out = EnumSet.noneOf(MailboxEvent.Type.class);
    for (Element e : Xml.child(request, "EventTypes").map(t -> Xml.children(t, "EventType")).orElse(List.of())) {
      String name = e.getTextContent().trim();
      for (MailboxEvent.Type t : MailboxEvent.Type.values()) {
        if (t.element.equals(name)) {
          out.add(t);
        }
      }
      if (!name.equals("NewMailEvent") && !name.equals("FreeBusyChangedEvent")
          && out.stream().noneMatch(t -> t.element.equals(name))) {
        throw SoapFault.schemaValidation("The 'EventType' element has an invalid value '" + name + "'.", 0, 0);
      }
    }
    return out;
  }

  static String unsubscribe(Element request, StreamingSubscriptions registry, String server, String owner) {
    String id = Xml.childText(request, "SubscriptionId").orElse("").trim();
    StreamingSubscriptions.Found found = registry.find(id, server, owner);
    if (found.subscription() == null) {
      StreamRequest failure = new StreamRequest(List.of(), List.of(id), found.errorCode(), 0);
      return NotificationXml.unsubscribed(new ResponseMessageError(found.errorCode(), failure.failureMessage()));
    }
    registry.unsubscribe(found.subscription());
    return NotificationXml.unsubscribed(null);
  }

  static StreamRequest getStreamingEvents(Element request, StreamingSubscriptions registry, String server, String owner) {
    int minutes;
    try {
      minutes = Integer.parseInt(Xml.childText(request, "ConnectionTimeout").orElse("").trim());
    } catch (NumberFormatException e) {
      throw SoapFault.schemaValidation("The 'ConnectionTimeout' element is invalid: it is not an integer.", 0, 0);
    }
    if (minutes < 1 || minutes > 30) {
      throw SoapFault.schemaValidation(String.format(Locale.ROOT,
          "The 'ConnectionTimeout' element is invalid - The value '%d' is invalid according to its datatype"
          + " 'StreamingSubscriptionConnectionTimeoutType' (1 to 30).", minutes), 0, 0);
    }
    List<Element> ids = Xml.child(request, "SubscriptionIds").map(s -> Xml.children(s, "SubscriptionId")).orElse(List.of());
    if (ids.isEmpty()) {
      throw SoapFault.schemaValidation("The element 'SubscriptionIds' has incomplete content.", 0, 0);
    }
    List<StreamingSubscription> found = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    String code = null;
    for (Element e : ids) {
      String id = e.getTextContent().trim();
      StreamingSubscriptions.Found f = registry.find(id, server, owner);
      if (f.subscription() != null) {
        if (!found.contains(f.subscription())) {
          found.add(f.subscription());
        }
      } else {
        failed.add(id);
        code = code == null ? f.errorCode() : code;
      }
    }
    return new StreamRequest(found, failed, code, minutes);
  }
}
