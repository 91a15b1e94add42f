package com.exchangesync.worker.exchange.ews;

import java.net.URI;
import java.util.Optional;
import microsoft.exchange.webservices.data.autodiscover.AutodiscoverService;
import microsoft.exchange.webservices.data.core.enumeration.misc.ExchangeVersion;
import microsoft.exchange.webservices.data.core.exception.http.HttpErrorException;
import microsoft.exchange.webservices.data.core.request.HttpWebRequest;

/**
 * ews-java-api's Autodiscover client, remembering the HTTP status of its last
 * request. The library parses whatever body comes back, so a 401 surfaces only
 * as "expected soap:Envelope but found html"; with the status at hand a refused
 * password is reported as one.
 */
final class StatusAwareAutodiscoverService extends AutodiscoverService {

  private HttpWebRequest last;

  StatusAwareAutodiscoverService(URI url) throws Exception {
    super(url, ExchangeVersion.Exchange2010_SP2);
  }

  StatusAwareAutodiscoverService() throws Exception {
    super(ExchangeVersion.Exchange2010_SP2);
  }

  @Override
  public HttpWebRequest prepareHttpWebRequestForUrl(URI url)
      throws microsoft.exchange.webservices.data.core.exception.service.local.ServiceLocalException,
      java.net.URISyntaxException {
    last = super.prepareHttpWebRequestForUrl(url);
    return last;
  }

  /** The status of the last response, when there was one. */
  Optional<Integer> lastStatus() {
    try {
      return last == null ? Optional.empty() : Optional.of(last.getResponseCode());
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  /** {@code failure} as an HTTP error when the last response was not a success. */
  Exception withStatus(Exception failure) {
    Optional<Integer> status = lastStatus().filter(s -> s >= 400);
    if (status.isEmpty()) {
      return failure;
    }
    HttpErrorException http = new HttpErrorException("The request failed with HTTP " + status.get(), status.get());
    http.initCause(failure);
    return http;
  }
}
