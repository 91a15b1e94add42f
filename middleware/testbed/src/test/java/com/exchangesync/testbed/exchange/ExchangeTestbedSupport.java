package com.exchangesync.testbed.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.misc.ConnectingIdType;
import microsoft.exchange.webservices.data.core.enumeration.misc.ExchangeVersion;
import microsoft.exchange.webservices.data.credential.WebCredentials;
import microsoft.exchange.webservices.data.misc.ImpersonatedUserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Starts an Exchange test bed for each test with schema checks on (when the
 * schema is present; otherwise a one-line notice), seeds a service account and
 * two reps, and fails the test if any response broke the EWS schema.
 */
abstract class ExchangeTestbedSupport {

  static final String SERVICE = "svc@corp.example.com";
  static final String PASSWORD = "S3rvice!pass";
  static final String ANN = "ann@corp.example.com";
  static final String BOB = "bob@corp.example.com";
  static final String OUTSIDER = "eve@corp.example.com";

  private static final Optional<EwsSchemaValidator> SCHEMA = loadSchema();

  Vertx vertx;
  ExchangeTestbed bed;
  ExchangeSimClient sim;

  private static Optional<EwsSchemaValidator> loadSchema() {
    Optional<Path> dir = EwsSchemaValidator.configuredDirectory();
    if (dir.isEmpty()) {
      System.out.println("NOTICE: no EWS schema directory (../shared/ews-schema or EXSYNC_EWS_SCHEMA_DIR); schema checks skipped.");
    }
    return dir.map(EwsSchemaValidator::load);
  }

  static boolean schemaChecked() {
    return SCHEMA.isPresent();
  }

  @BeforeEach
  void startTestbed() throws Exception {
    vertx = Vertx.vertx();
    ExchangeTestbedOptions options = options(ExchangeTestbedOptions.defaults());
    if (SCHEMA.isPresent()) {
      options = options.withSchema(SCHEMA.get());
    }
    bed = ExchangeTestbed.start(vertx, options).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    sim = new ExchangeSimClient(bed.baseUrl());
    sim.serviceAccount(SERVICE, PASSWORD, List.of(ANN, BOB));
    sim.mailbox(ANN, "Ann Rep");
    sim.mailbox(BOB, "Bob Rep");
    sim.mailbox(OUTSIDER, "Eve Outsider");
  }

  /** The options a test class starts its test beds with (the defaults unless it says otherwise). */
  ExchangeTestbedOptions options(ExchangeTestbedOptions defaults) {
    return defaults;
  }

  @AfterEach
  void stopTestbed() throws Exception {
    List<String> violations = bed.schemaViolations();
    bed.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    assertThat(violations).as("responses that broke the EWS schema").isEmpty();
  }

  /** An ews-java-api service as a customer would set it up, impersonating {@code smtp}. */
  ExchangeService service(String smtp) throws Exception {
    return service(SERVICE, PASSWORD, smtp);
  }

  /**
   * The EWS error code of a failed call. ews-java-api 2.0 throws a response-level
   * error as {@code ServiceResponseException}, and a SOAP fault as a
   * {@code ServiceRequestException} whose cause is that exception.
   */
  static microsoft.exchange.webservices.data.core.enumeration.misc.error.ServiceError ewsError(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof microsoft.exchange.webservices.data.core.exception.service.remote.ServiceResponseException e) {
        return e.getErrorCode();
      }
    }
    throw new AssertionError("not an EWS error: " + t, t);
  }

  /** The start of a raw EWS request as Exchange2010_SP2, impersonating {@code smtp}; close it with {@link #TAIL}. */
  static String head(String smtp) {
    return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\""
        + " xmlns:t=\"http://schemas.microsoft.com/exchange/services/2006/types\""
        + " xmlns:m=\"http://schemas.microsoft.com/exchange/services/2006/messages\">"
        + "<soap:Header><t:RequestServerVersion Version=\"Exchange2010_SP2\"/>"
        + "<t:ExchangeImpersonation><t:ConnectingSID><t:SmtpAddress>" + smtp + "</t:SmtpAddress></t:ConnectingSID>"
        + "</t:ExchangeImpersonation></soap:Header><soap:Body>";
  }

  static final String HEAD = head(ANN);
  static final String TAIL = "</soap:Body></soap:Envelope>";

  /** Posts a raw EWS request as the service account, for what no client library sends. */
  HttpResponse<String> post(String body) throws Exception {
    String basic = "Basic " + Base64.getEncoder().encodeToString((SERVICE + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(bed.ewsUrl())).header("Authorization", basic)
        .header("Content-Type", "text/xml; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  ExchangeService service(String user, String password, String smtp) throws Exception {
    ExchangeService service = new ExchangeService(ExchangeVersion.Exchange2010_SP2);
    service.setCredentials(new WebCredentials(user, password));
    service.setUrl(new URI(bed.ewsUrl()));
    if (smtp != null) {
      service.setImpersonatedUserId(new ImpersonatedUserId(ConnectingIdType.SmtpAddress, smtp));
    }
    return service;
  }
}
