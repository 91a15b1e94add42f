package com.exchangesync.worker.salesforce;

/**
 * One login's result, shared by every pooled connection. {@code toString}
 * leaves the session id out: it is a bearer credential.
 *
 * @param sessionId the session id (never logged)
 * @param serviceEndpoint the partner endpoint of the org ({@code serverUrl})
 * @param organizationId the canonical 18-character org id
 * @param userId the integration user's canonical id
 * @param generation increases with each login, so connections know when to take the new session
 */
public record SalesforceSession(String sessionId, String serviceEndpoint, String organizationId, String userId,
                                long generation) {

  @Override
  public String toString() {
    return "SalesforceSession[org=" + organizationId + ", user=" + userId + ", endpoint=" + serviceEndpoint
        + ", generation=" + generation + "]";
  }
}
