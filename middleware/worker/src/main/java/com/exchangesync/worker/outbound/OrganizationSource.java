package com.exchangesync.worker.outbound;

import io.vertx.core.Future;

/**
 * The org the worker serves, whose Outbound Messages it accepts: normally the
 * org of the Salesforce login. Fails when it is not known yet and cannot be
 * learned now (Salesforce unreachable), in which case the endpoint withholds
 * the Ack so that Salesforce delivers again later.
 */
@FunctionalInterface
public interface OrganizationSource {

  /** The canonical 18-character org id. */
  Future<String> organizationId();
}
