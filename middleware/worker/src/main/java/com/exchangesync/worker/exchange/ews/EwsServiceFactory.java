package com.exchangesync.worker.exchange.ews;

import java.net.URI;
import java.util.Optional;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.misc.ConnectingIdType;
import microsoft.exchange.webservices.data.core.enumeration.misc.ExchangeVersion;
import microsoft.exchange.webservices.data.misc.ImpersonatedUserId;

/**
 * Builds ews-java-api services the way this product uses them. The Basic
 * {@code Authorization} header goes on every request, instead of library
 * credentials that would be sent only after a 401 challenge (a wasted round
 * trip per call). Each service keeps its HTTP connection alive between calls, and
 * is used by one task only: {@code ExchangeService} is not thread-safe.
 */
final class EwsServiceFactory {

  /** Exchange 2010 SP2 requests are understood by 2013 SP1, 2016, 2019 and SE alike. */
  static final ExchangeVersion VERSION = ExchangeVersion.Exchange2010_SP2;

  private final EwsSettings settings;

  EwsServiceFactory(EwsSettings settings) {
    this.settings = settings;
  }

  /** A service for {@code ewsUrl}, impersonating {@code smtp} when given. */
  ExchangeService create(URI ewsUrl, Optional<String> impersonate) {
    ExchangeService service = new ExchangeService(VERSION);
    service.setUrl(ewsUrl);
    service.getHttpHeaders().put("Authorization", settings.account().basicAuthorization());
    service.setTimeout((int) settings.timeout().toMillis());
    impersonate.ifPresent(smtp -> service.setImpersonatedUserId(new ImpersonatedUserId(ConnectingIdType.SmtpAddress, smtp)));
    return service;
  }
}
