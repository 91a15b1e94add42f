package com.exchangesync.testbed.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.misc.ConnectingIdType;
import microsoft.exchange.webservices.data.core.enumeration.misc.error.ServiceError;
import microsoft.exchange.webservices.data.core.enumeration.notification.EventType;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.misc.ImpersonatedUserId;
import microsoft.exchange.webservices.data.notification.ItemEvent;
import microsoft.exchange.webservices.data.notification.NotificationEvent;
import microsoft.exchange.webservices.data.notification.StreamingSubscription;
import microsoft.exchange.webservices.data.notification.StreamingSubscriptionConnection;
import microsoft.exchange.webservices.data.notification.SubscriptionErrorEventArgs;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Streaming notifications driven by ews-java-api's {@code StreamingSubscriptionConnection}, an independent
 * client: subscriptions of two mailboxes on two Mailbox servers grouped on one connection by the affinity
 * headers and cookie, the same without affinity, the end of a connection's time, and a restart.
 */
class EwsStreamingIT extends ExchangeTestbedSupport {

  static final String CAT = "cat@corp.example.com";

  /** A streamed notification or error, as the connection's handlers saw it. */
  private record Seen(String subscriptionId, NotificationEvent event, SubscriptionErrorEventArgs error, boolean disconnect) {}

  private final BlockingQueue<Seen> seen = new LinkedBlockingQueue<>();
  /** Events of other subscriptions met while waiting for one subscription's. */
  private final List<Seen> aside = new ArrayList<>();

  @Override
  ExchangeTestbedOptions options(ExchangeTestbedOptions defaults) {
    // A test bed minute is 0.6 s: a connection asked for 1 minute ends quickly; 30 minutes last 18 s.
    return defaults.withStreaming(StreamingOptions.defaults().withTimeScale(0.01));
  }

  @BeforeEach
  void catOnTheOtherServer() {
    sim.serviceAccount(SERVICE, PASSWORD, List.of(ANN, BOB, CAT));
    sim.mailbox(CAT, "Cat Rep");
    JsonObject servers = sim.ewsServers().getJsonObject("mailboxes");
    assertThat(servers.getString(ANN)).as("Ann and Cat live on different Mailbox servers").isNotEqualTo(servers.getString(CAT));
  }

  @Test
  void aGroupOnTwoMailboxServers_streamsOverOneConnection_whenTheAffinityHeadersAndCookieAreSent() throws Exception {
    ExchangeService group = service(ANN);
    group.getHttpHeaders().put("X-AnchorMailbox", ANN);
    group.getHttpHeaders().put("X-PreferServerAffinity", "true");
    StreamingSubscription ann = group.subscribeToStreamingNotifications(List.of(new FolderId(WellKnownFolderName.Contacts)),
        EventType.Created, EventType.Modified, EventType.Deleted, EventType.Moved);
    group.setImpersonatedUserId(new ImpersonatedUserId(ConnectingIdType.SmtpAddress, CAT));
    StreamingSubscription cat = group.subscribeToStreamingNotifications(List.of(new FolderId(WellKnownFolderName.Calendar)),
        EventType.Created, EventType.Modified, EventType.Deleted, EventType.Moved);
    String annServer = sim.ewsServers().getJsonObject("mailboxes").getString(ANN);
    assertThat(sim.ewsSubscriptions()).extracting(s -> ((JsonObject) s).getString("server")).containsOnly(annServer);

    group.setImpersonatedUserId(new ImpersonatedUserId(ConnectingIdType.SmtpAddress, ANN));
    open(group, 30, ann, cat);
    String contact = sim.createContact(ANN, null, new JsonObject().put("givenName", "Lia").put("surname", "Moss")).getString("id");
    sim.updateContact(ANN, contact, new JsonObject().put("jobTitle", "Buyer"));
    sim.createContact(CAT, null, new JsonObject().put("surname", "Not watched"));
    String event = sim.createEvent(CAT, new JsonObject().put("subject", "Review").put("start", "2030-03-04T09:00:00Z")
        .put("end", "2030-03-04T10:00:00Z")).getString("id");
    sim.deleteEvent(CAT, event);

    List<Seen> annEvents = take(ann.getId(), 2);
    assertThat(annEvents).extracting(s -> s.event().getEventType()).containsExactly(EventType.Created, EventType.Modified);
    assertThat(annEvents).allSatisfy(s -> assertThat(((ItemEvent) s.event()).getItemId().getUniqueId()).isEqualTo(contact));
    List<Seen> catEvents = take(cat.getId(), 2);
    assertThat(catEvents).extracting(s -> s.event().getEventType()).containsExactly(EventType.Created, EventType.Moved);
    assertThat(((ItemEvent) catEvents.get(1).event()).getOldItemId().getUniqueId()).isEqualTo(event);
  }

  @Test
  void withoutAffinity_theSubscriptionOnTheOtherServerIsNotFound_andTheRestStream() throws Exception {
    StreamingSubscription ann = service(ANN).subscribeToStreamingNotifications(
        List.of(new FolderId(WellKnownFolderName.Contacts)), EventType.Created);
    StreamingSubscription cat = service(CAT).subscribeToStreamingNotifications(
        List.of(new FolderId(WellKnownFolderName.Contacts)), EventType.Created);
    open(service(ANN), 30, ann, cat);
    Seen error = next();
    assertThat(error.error()).as("an error for Cat's subscription").isNotNull();
    assertThat(error.error().getSubscription().getId()).isEqualTo(cat.getId());
    assertThat(ewsError(error.error().getException())).isEqualTo(ServiceError.ErrorSubscriptionNotFound);
    String contact = sim.createContact(ANN, null, new JsonObject().put("surname", "Still streamed")).getString("id");
    assertThat(((ItemEvent) take(ann.getId(), 1).get(0).event()).getItemId().getUniqueId()).isEqualTo(contact);
  }

  @Test
  void aConnectionEndsCleanly_whenItsTimeIsUp() throws Exception {
    StreamingSubscription ann = service(ANN).subscribeToStreamingNotifications(
        List.of(new FolderId(WellKnownFolderName.Contacts)), EventType.Created);
    open(service(ANN), 1, ann);
    Seen end = next();
    assertThat(end.disconnect()).isTrue();
    assertThat(end.error().getException()).as("a clean end (ConnectionStatus Closed) carries no exception").isNull();
    assertThat(sim.ewsSubscriptions()).as("the subscription outlives its connection").hasSize(1);
  }

  @Test
  void aRestartCutsTheConnection_andForgetsTheSubscriptions() throws Exception {
    StreamingSubscription ann = service(ANN).subscribeToStreamingNotifications(
        List.of(new FolderId(WellKnownFolderName.Contacts)), EventType.Created);
    open(service(ANN), 30, ann);
    sim.restartEws();
    Seen cut = next();
    assertThat(cut.disconnect()).isTrue();
    assertThat(cut.error().getException()).as("a cut connection ends with an exception").isNotNull();
    assertThat(sim.ewsSubscriptions()).isEmpty();

    open(service(ANN), 30, ann);
    Seen error = next();
    assertThat(error.error()).isNotNull();
    assertThat(ewsError(error.error().getException())).isEqualTo(ServiceError.ErrorSubscriptionNotFound);
  }

  /**
   * Opens a connection. Tests leave it open: ews-java-api's {@code close()} reads the answer to its end, which
   * (as with Exchange) comes when the connection's time is up; the test bed's end cuts it.
   */
  private StreamingSubscriptionConnection open(ExchangeService service, int minutes, StreamingSubscription... subs)
      throws Exception {
    StreamingSubscriptionConnection connection = new StreamingSubscriptionConnection(service, minutes);
    for (StreamingSubscription s : subs) {
      connection.addSubscription(s);
    }
    connection.addOnNotificationEvent((sender, args) -> args.getEvents().forEach(
        e -> seen.add(new Seen(args.getSubscription().getId(), e, null, false))));
    connection.addOnSubscriptionError((sender, args) -> seen.add(new Seen(
        args.getSubscription() == null ? null : args.getSubscription().getId(), null, args, false)));
    connection.addOnDisconnect((sender, args) -> seen.add(new Seen(null, null, args, true)));
    connection.open();
    return connection;
  }

  private Seen next() throws InterruptedException {
    Seen s = seen.poll(20, TimeUnit.SECONDS);
    assertThat(s).as("something streamed").isNotNull();
    return s;
  }

  /** The next {@code n} events of subscription {@code id}, in order; others are put aside. */
  private List<Seen> take(String id, int n) throws InterruptedException {
    List<Seen> out = new ArrayList<>();
    for (var it = aside.iterator(); it.hasNext() && out.size() < n; ) {
      Seen s = it.next();
      if (id.equals(s.subscriptionId())) {
        out.add(s);
        it.remove();
      }
    }
    while (out.size() < n) {
      Seen s = next();
      assertThat(s.error()).as("no error or disconnect while events are expected").isNull();
      if (id.equals(s.subscriptionId())) {
        out.add(s);
      } else {
        aside.add(s);
      }
    }
    return out;
  }
}
