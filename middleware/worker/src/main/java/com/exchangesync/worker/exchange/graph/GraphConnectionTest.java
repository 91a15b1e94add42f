package com.exchangesync.worker.exchange.graph;

import com.exchangesync.worker.exchange.AppGrants;
import com.exchangesync.worker.exchange.ConnectionCheck;
import com.exchangesync.worker.exchange.ConnectionTestReport;
import com.exchangesync.worker.exchange.MailboxError;
import com.exchangesync.worker.exchange.MailboxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The Setup page's connection test for one rep on Exchange Online, each check
 * reported as it completes ({@link ConnectionTestReport#GRAPH_CHECK_NAMES}): a
 * token from Entra ID, where the permissions come from (Entra consent, read from
 * a fresh token's roles, or RBAC for Applications, which no token shows), the
 * rep's mailbox within the app's reach (a contacts read), {@code Salesforce_Sync}
 * (found, or "the first sync creates it": the test only reads), the calendar (a
 * calendar read). The reads are what exercise the permissions: a missing one
 * fails the first check that needs it. After a check fails the rest are skipped.
 */
final class GraphConnectionTest {

  private static final List<String> NEEDED = List.of(ApiRequest.CONTACTS, ApiRequest.CALENDARS);

  private final GraphHttp http;

  GraphConnectionTest(GraphHttp http) {
    this.http = http;
  }

  /** One named check: returns its message on success, throws to fail. */
  @FunctionalInterface
  private interface Check {
    String run() throws MailboxException;
  }

  ConnectionTestReport run(String smtp, Consumer<ConnectionTestReport> progress) {
    GraphToken[] token = new GraphToken[1];
    List<Check> steps = List.of(
        () -> {
          // A new token, so the permissions below are those consented now.
          token[0] = http.tokens().renew(http.tokens().current());
          return "Signed in to Microsoft Entra ID as " + http.tokens().describe() + "; the token is good until "
              + token[0].expiresAt() + ".";
        },
        () -> permissions(token[0]),
        () -> {
          ApiReply reply = http.send(smtp, ApiRequest.get("contactFolders.list", ApiRequest.CONTACTS,
              GraphPaths.query(GraphPaths.user(smtp) + "/contactFolders").with("$top", "1").with("$select", "id").build()));
          if (!reply.ok()) {
            throw new MailboxException(MailboxError.UNEXPECTED, "Microsoft Graph answered " + reply.describe());
          }
          return "The app may read the contacts in the mailbox of " + smtp + ".";
        },
        () -> GraphFolders.findSyncFolder(http, smtp).isPresent()
            ? "Found the " + GraphFolders.SYNC_FOLDER + " folder under Contacts."
            : "Not there yet: the first sync creates " + GraphFolders.SYNC_FOLDER + " under Contacts.",
        () -> {
          ApiReply reply = http.send(smtp, ApiRequest.get("calendar.get", ApiRequest.CALENDARS,
              GraphPaths.query(GraphPaths.user(smtp) + "/calendar").with("$select", "id,name").build()));
          if (!reply.ok()) {
            throw new MailboxException(MailboxError.UNEXPECTED, "Reading the calendar answered " + reply.describe());
          }
          return "Found the calendar (" + reply.body().getString("name", "Calendar") + ").";
        });
    List<ConnectionCheck> checks = new ArrayList<>();
    String failed = null;
    for (int i = 0; i < steps.size(); i++) {
      String name = ConnectionTestReport.GRAPH_CHECK_NAMES.get(i);
      if (failed != null) {
        checks.add(ConnectionCheck.skipped(name, failed));
        continue;
      }
      try {
        checks.add(ConnectionCheck.passed(name, steps.get(i).run()));
      } catch (MailboxException e) {
        checks.add(ConnectionCheck.failed(name, e));
        failed = name;
      }
      progress.accept(new ConnectionTestReport(smtp, checks));
    }
    return new ConnectionTestReport(smtp, checks);
  }

  /**
   * What the token says of the permissions, never a failure: RBAC for
   * Applications (Microsoft's recommended grant) never shows in a token, so a
   * token without the roles proves nothing missing. The checks after it use the
   * permissions on the rep's mailbox, and a refusal there names the fix.
   */
  private static String permissions(GraphToken token) {
    if (token.roles().isEmpty()) {
      return "The token does not show its permissions; the checks below use " + String.join(" and ", NEEDED)
          + " on the mailbox.";
    }
    Set<String> roles = token.roles().get();
    List<String> consented = NEEDED.stream().filter(roles::contains).toList();
    List<String> rest = NEEDED.stream().filter(p -> !roles.contains(p)).toList();
    if (rest.isEmpty()) {
      return "The app has admin consent in Microsoft Entra ID for " + String.join(" and ", NEEDED)
          + ", which reaches every mailbox of the tenant (unless an application access policy limits it).";
    }
    String fromRbac = String.join(" and ", rest.stream().map(AppGrants::role).toList());
    return (consented.isEmpty() ? "The token carries no Microsoft Graph application permission, so "
        : "The app has admin consent in Microsoft Entra ID for " + String.join(" and ", consented) + "; ")
        + String.join(" and ", rest) + " must come from RBAC for Applications in Exchange Online (the " + fromRbac
        + (rest.size() == 1 ? " role" : " roles") + ", which Exchange checks at each request and no token shows): "
        + "the checks below use " + (rest.size() == 1 ? "it" : "them") + " on the mailbox.";
  }
}
