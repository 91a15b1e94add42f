package com.exchangesync.worker.exchange.graph;

import com.exchangesync.worker.exchange.ConnectionTestReport;
import com.exchangesync.worker.exchange.FolderMemory;
import com.exchangesync.worker.exchange.Mailbox;
import com.exchangesync.worker.exchange.MailboxConnector;
import com.exchangesync.worker.exchange.MailboxException;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.function.Consumer;

/**
 * Opens reps' mailboxes on Exchange Online through Microsoft Graph as the org's
 * registered app (app-only, client credentials). Thread-safe: its HTTP client,
 * token, per-mailbox slots and remembered folder ids ({@link FolderMemory}) are
 * shared by every mailbox it opens. Opening a mailbox signs in (or reuses the
 * token) and finds or makes {@code Salesforce_Sync}, unless its id is remembered
 * ({@link GraphSyncFolders}): an open within the hour makes no request.
 */
public final class GraphMailboxConnector implements MailboxConnector, AutoCloseable {

  private final GraphSettings settings;
  private final WebClient client;
  private final GraphHttp http;
  private final FolderMemory folders;

  public GraphMailboxConnector(Vertx vertx, GraphSettings settings, GraphStats stats) {
    this.settings = settings;
    this.client = WebClient.create(vertx, new WebClientOptions().setUserAgent("exchange-sync-worker")
        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, settings.timeout().toMillis())).setFollowRedirects(false)
        .setDecompressionSupported(true));
    GraphTokens tokens = new GraphTokens(client, settings, stats);
    this.http = new GraphHttp(client, settings, tokens, new MailboxSlots(), stats);
    this.folders = new FolderMemory(settings.windowClock());
  }

  @Override
  public Mailbox open(String smtp) throws MailboxException {
    return new GraphMailbox(smtp, http, GraphSyncFolders.open(http, smtp, folders), settings.windowClock());
  }

  @Override
  public ConnectionTestReport test(String smtp) {
    return new GraphConnectionTest(http).run(smtp, report -> { });
  }

  @Override
  public ConnectionTestReport test(String smtp, Consumer<ConnectionTestReport> progress) {
    return new GraphConnectionTest(http).run(smtp, progress);
  }

  /**
   * Microsoft Graph change notifications ({@link GraphChangeListener}), when the worker has a public URL for Graph
   * to post them to; without one, Exchange Online is polled.
   */
  @Override
  public java.util.Optional<com.exchangesync.worker.push.PushListener> listen(String orgId,
      com.exchangesync.worker.push.PushContext push) {
    if (push.publicUrl().isEmpty()) {
      org.slf4j.LoggerFactory.getLogger(GraphMailboxConnector.class).info("EXSYNC_PUBLIC_URL is not set: Microsoft Graph"
          + " cannot post change notifications to this worker, so Exchange Online is polled");
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new GraphChangeListener(http, orgId, push.publicUrl().get(), push));
  }

  /** The app this connector signs in as, for messages. */
  public String describe() {
    return http.tokens().describe();
  }

  @Override
  public void close() {
    client.close();
  }
}
