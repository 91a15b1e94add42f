package com.exchangesync.testbed.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Streaming notifications on the wire, for what a client library hides: the chunks of a
 * {@code GetStreamingEvents} answer, the affinity cookie, and the refusals.
 */
class EwsStreamingWireIT extends ExchangeTestbedSupport {

  private static final Pattern SUBSCRIPTION_ID = Pattern.compile("<m:SubscriptionId>([^<]+)</m:SubscriptionId>");

  @Override
  ExchangeTestbedOptions options(ExchangeTestbedOptions defaults) {
    return defaults.withStreaming(StreamingOptions.defaults().withTimeScale(0.01));
  }

  @Test
  void aStreamIsOneEnvelopePerChunk_okFirst_thenNotifications_thenClosed() throws Exception {
    String id = subscribe(ANN, "contacts", null, null);
    try (Socket socket = new Socket("127.0.0.1", URI.create(bed.baseUrl()).getPort())) {
      OutputStream out = socket.getOutputStream();
      byte[] body = getStreamingEvents(ANN, 1, id).getBytes(StandardCharsets.UTF_8);
      out.write(("POST /EWS/Exchange.asmx HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + basic()
          + "\r\nContent-Type: text/xml; charset=utf-8\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      InputStream in = socket.getInputStream();
      String head = headers(in);
      assertThat(head).startsWith("HTTP/1.1 200").containsIgnoringCase("transfer-encoding: chunked");
      List<String> chunks = new ArrayList<>();
      chunks.add(chunk(in));
      String contact = sim.createContact(ANN, null, new JsonObject().put("surname", "Streamed")).getString("id");
      for (String c = chunk(in); c != null; c = chunk(in)) {
        chunks.add(c);
      }
      assertThat(chunks).allSatisfy(c -> {
        assertThat(c).startsWith("<?xml").endsWith("</s:Envelope>");
        assertThat(c.indexOf("<s:Envelope")).isEqualTo(c.lastIndexOf("<s:Envelope"));
      });
      assertThat(chunks.get(0)).contains("<m:ConnectionStatus>OK</m:ConnectionStatus>");
      assertThat(chunks).anySatisfy(c -> assertThat(c).contains("<m:Notification><t:SubscriptionId>" + id + "</t:SubscriptionId>"
          + "<t:CreatedEvent>").contains("<t:ItemId Id=\"" + contact + "\""));
      assertThat(chunks.get(chunks.size() - 1)).contains("<m:ConnectionStatus>Closed</m:ConnectionStatus>");
    }
  }

  @Test
  void theAffinityCookieIsSetForAnAnchoredRequest_andOneNamingNoServerFailsTheCall() throws Exception {
    HttpResponse<String> anchored = post(subscribeBody(BOB, "contacts"), "X-AnchorMailbox", ANN, "X-PreferServerAffinity", "true");
    String cookie = anchored.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).startsWith("X-BackEndOverrideCookie=" + sim.ewsServers().getJsonObject("mailboxes").getString(ANN) + "~");

    HttpResponse<String> forged = post(subscribeBody(BOB, "contacts"), "X-AnchorMailbox", ANN, "X-PreferServerAffinity", "true",
        "Cookie", "X-BackEndOverrideCookie=mbx99.corp.example.com~1234");
    assertThat(forged.body()).contains("ResponseClass=\"Error\"").contains("ErrorProxiedSubscriptionCallFailure");
  }

  @Test
  void anUnsubscribedId_isNotFound_andAMalformedOne_isInvalid() throws Exception {
    String id = subscribe(ANN, "contacts", null, null);
    HttpResponse<String> unsubscribed = post(head(ANN) + "<m:Unsubscribe><m:SubscriptionId>" + id + "</m:SubscriptionId>"
        + "</m:Unsubscribe>" + TAIL);
    assertThat(unsubscribed.body()).contains("<m:ResponseCode>NoError</m:ResponseCode>");

    String gone = post(getStreamingEvents(ANN, 1, id)).body();
    assertThat(gone).contains("ResponseClass=\"Error\"").contains("ErrorSubscriptionNotFound")
        .contains("<m:SubscriptionId>" + id + "</m:SubscriptionId>").contains("<m:ConnectionStatus>Closed</m:ConnectionStatus>");
    String malformed = post(getStreamingEvents(ANN, 1, "bm90LWEtc3Vic2NyaXB0aW9u")).body();
    assertThat(malformed).contains("ErrorInvalidSubscription<").contains("<m:ConnectionStatus>Closed</m:ConnectionStatus>");
    assertThat(post(head(ANN) + "<m:Unsubscribe><m:SubscriptionId>" + id + "</m:SubscriptionId></m:Unsubscribe>" + TAIL).body())
        .contains("ErrorSubscriptionNotFound");
  }

  @Test
  void aSubscriptionForAnotherMailboxesFolder_isRefused() throws Exception {
    String body = head(ANN) + "<m:Subscribe><m:StreamingSubscriptionRequest><t:FolderIds><t:DistinguishedFolderId Id=\"contacts\">"
        + "<t:Mailbox><t:EmailAddress>" + BOB + "</t:EmailAddress></t:Mailbox></t:DistinguishedFolderId></t:FolderIds>"
        + "<t:EventTypes><t:EventType>CreatedEvent</t:EventType></t:EventTypes></m:StreamingSubscriptionRequest></m:Subscribe>" + TAIL;
    assertThat(post(body).body()).contains("ErrorInvalidSubscriptionRequest");
  }

  @Test
  void aFourthOpenConnectionOfOneMailboxesBudget_exceedsTheConnectionCount() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    List<InputStream> open = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      // A subscription of its own for each connection: one opened on a subscription another connection holds would
      // take it over and end that connection, leaving the count where it was.
      String id = subscribe(ANN, "contacts", null, null);
      HttpResponse<InputStream> r = http.send(request(getStreamingEvents(ANN, 30, id)), HttpResponse.BodyHandlers.ofInputStream());
      assertThat(r.statusCode()).isEqualTo(200);
      open.add(r.body());
    }
    String fourth = post(getStreamingEvents(ANN, 30, subscribe(ANN, "contacts", null, null))).body();
    assertThat(fourth).contains("ErrorExceededConnectionCount").contains("<m:ConnectionStatus>Closed</m:ConnectionStatus>");
    for (InputStream in : open) {
      in.close();
    }
  }

  /** Subscribes {@code smtp}'s distinguished folder; returns the subscription id. */
  private String subscribe(String smtp, String folder, String header, String value) throws Exception {
    HttpResponse<String> r = header == null ? post(subscribeBody(smtp, folder)) : post(subscribeBody(smtp, folder), header, value);
    Matcher m = SUBSCRIPTION_ID.matcher(r.body());
    assertThat(m.find()).as(r.body()).isTrue();
    return m.group(1);
  }

  private static String subscribeBody(String smtp, String folder) {
    return head(smtp) + "<m:Subscribe><m:StreamingSubscriptionRequest><t:FolderIds><t:DistinguishedFolderId Id=\"" + folder
        + "\"/></t:FolderIds><t:EventTypes><t:EventType>CreatedEvent</t:EventType><t:EventType>ModifiedEvent</t:EventType>"
        + "</t:EventTypes></m:StreamingSubscriptionRequest></m:Subscribe>" + TAIL;
  }

  private static String getStreamingEvents(String smtp, int minutes, String... ids) {
    StringBuilder b = new StringBuilder(head(smtp)).append("<m:GetStreamingEvents><m:SubscriptionIds>");
    for (String id : ids) {
      b.append("<t:SubscriptionId>").append(id).append("</t:SubscriptionId>");
    }
    return b.append("</m:SubscriptionIds><m:ConnectionTimeout>").append(minutes).append("</m:ConnectionTimeout>")
        .append("</m:GetStreamingEvents>").append(TAIL).toString();
  }

  private HttpResponse<String> post(String body, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(bed.ewsUrl())).header("Authorization", basic())
        .header("Content-Type", "text/xml; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest request(String body) {
    return HttpRequest.newBuilder(URI.create(bed.ewsUrl())).header("Authorization", basic())
        .header("Content-Type", "text/xml; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  private static String basic() {
    return "Basic " + Base64.getEncoder().encodeToString((SERVICE + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  private static String headers(InputStream in) throws Exception {
    StringBuilder head = new StringBuilder();
    for (String line = line(in); !line.isEmpty(); line = line(in)) {
      head.append(line).append('\n');
    }
    return head.toString();
  }

  /** One chunk of a chunked body, or null after the last. */
  private static String chunk(InputStream in) throws Exception {
    int size = Integer.parseInt(line(in).trim(), 16);
    if (size == 0) {
      line(in);
      return null;
    }
    byte[] data = in.readNBytes(size);
    line(in);
    return new String(data, StandardCharsets.UTF_8);
  }

  private static String line(InputStream in) throws Exception {
    StringBuilder b = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new java.io.EOFException("the stream ended mid-line");
      }
      if (c != '\r') {
        b.append((char) c);
      }
    }
    return b.toString();
  }
}
