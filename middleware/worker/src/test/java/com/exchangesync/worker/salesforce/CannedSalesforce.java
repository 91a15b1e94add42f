package com.exchangesync.worker.salesforce;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * A scripted Salesforce for unit tests of the client's recovery logic: the
 * OAuth token endpoint (operation {@code token}, signing in by the client
 * credentials in {@link #CREDENTIALS}) and the partner SOAP endpoint, each
 * operation answering from a queue of canned responses (then a default), every
 * request recorded. The protocol-faithful server is the Salesforce test bed;
 * this one only lets a test say exactly which answer comes when.
 */
public final class CannedSalesforce implements AutoCloseable {

  public static final String ORG = "00D000000000001EAA";
  static final String USER = "005000000000001AAA";
  public static final String CONSUMER_SECRET = "pa55word";
  /** How the tests' clients sign in: the client credentials flow. */
  public static final com.exchangesync.worker.config.SalesforceCredentials CREDENTIALS =
      new com.exchangesync.worker.config.SalesforceCredentials.ClientCredentials("3MVG9CannedConsumerKey",
          com.exchangesync.worker.config.Secret.of(CONSUMER_SECRET));

  public record Response(int status, String contentType, String body) {}

  public record Request(String operation, String body) {}

  private static final Pattern OPERATION = Pattern.compile("<m:(\\w+)[ >/]");
  private final HttpServer server;
  private final Map<String, Deque<Response>> script = new HashMap<>();
  final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
  private int sessions;
  /** While true, every request gets an HTTP 503 page, as during a Salesforce outage. */
  public volatile boolean down;

  public CannedSalesforce() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  public String loginUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Queues {@code responses} for {@code operation}, answered before its default. */
  public synchronized void then(String operation, Response... responses) {
    Deque<Response> queue = script.computeIfAbsent(operation, k -> new ArrayDeque<>());
    Collections.addAll(queue, responses);
  }

  public long count(String operation) {
    synchronized (requests) {
      return requests.stream().filter(r -> r.operation().equals(operation)).count();
    }
  }

  public List<Request> all(String operation) {
    synchronized (requests) {
      return requests.stream().filter(r -> r.operation().equals(operation)).toList();
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    InputStream in = exchange.getRequestBody();
    if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
      in = new GZIPInputStream(in);
    }
    String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    Matcher m = OPERATION.matcher(body);
    String operation = exchange.getRequestURI().getPath().equals("/services/oauth2/token") ? "token" : m.find() ? m.group(1) : "?";
    requests.add(new Request(operation, body));
    Response response;
    if (down) {
      response = unavailable();
    } else synchronized (this) {
      Deque<Response> queue = script.get(operation);
      response = queue != null && !queue.isEmpty() ? queue.poll() : defaultFor(operation);
    }
    byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", response.contentType());
    exchange.sendResponseHeaders(response.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      new ByteArrayInputStream(bytes).transferTo(out);
    }
  }

  private Response defaultFor(String operation) {
    return switch (operation) {
      case "token" -> token();
      case "getServerTimestamp" -> ok("<getServerTimestampResponse><result><timestamp>2026-03-01T10:00:00.000Z</timestamp>"
          + "</result></getServerTimestampResponse>");
      default -> fault("UNKNOWN_EXCEPTION", "sf:UnexpectedErrorFault", "no canned answer for " + operation);
    };
  }

  synchronized Response token() {
    sessions++;
    return new Response(200, "application/json;charset=UTF-8", "{\"access_token\":\"" + ORG.substring(0, 15) + "!SESSION"
        + sessions + "\",\"scope\":\"api\",\"instance_url\":\"" + loginUrl() + "\",\"id\":\"" + loginUrl() + "/id/" + ORG
        + "/" + USER + "\",\"token_type\":\"Bearer\",\"issued_at\":\"1772359200000\"}");
  }

  /** A refusal of the token endpoint, as Salesforce writes it. */
  public static Response oauthError(String error, String description) {
    return new Response(400, "application/json;charset=UTF-8", "{\"error\":\"" + error + "\",\"error_description\":\""
        + description + "\"}");
  }

  public static Response ok(String bodyContent) {
    return new Response(200, "text/xml; charset=utf-8", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns=\"urn:partner.soap.sforce.com\""
        + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:sf=\"urn:sobject.partner.soap.sforce.com\">"
        + "<soapenv:Body>" + bodyContent + "</soapenv:Body></soapenv:Envelope>");
  }

  /** A fault as Salesforce writes it: faultcode, faultstring, and an ApiFault detail. */
  public static Response fault(String code, String faultType, String message) {
    return new Response(500, "text/xml; charset=utf-8", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
        + " xmlns:sf=\"urn:fault.partner.soap.sforce.com\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
        + "<soapenv:Body><soapenv:Fault><faultcode>sf:" + code + "</faultcode><faultstring>" + code + ": " + message
        + "</faultstring><detail><" + faultType + " xsi:type=\"" + faultType + "\"><sf:exceptionCode>" + code
        + "</sf:exceptionCode><sf:exceptionMessage>" + message + "</sf:exceptionMessage></" + faultType + "></detail>"
        + "</soapenv:Fault></soapenv:Body></soapenv:Envelope>");
  }

  public static Response unavailable() {
    return new Response(503, "text/html", "<html><body>Service Unavailable</body></html>");
  }

  /** A create response with one result per entry: an id, or a status code for an error. */
  public static Response saveResults(String operation, String... outcomes) {
    StringBuilder results = new StringBuilder();
    for (String outcome : outcomes) {
      if (outcome.startsWith("003") || outcome.startsWith("a0")) {
        results.append("<result><id>").append(outcome).append("</id><success>true</success></result>");
      } else {
        results.append("<result><errors><message>").append(outcome).append(" happened</message><statusCode>")
            .append(outcome).append("</statusCode></errors><id xsi:nil=\"true\"/><success>false</success></result>");
      }
    }
    return ok("<" + operation + "Response>" + results + "</" + operation + "Response>");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
