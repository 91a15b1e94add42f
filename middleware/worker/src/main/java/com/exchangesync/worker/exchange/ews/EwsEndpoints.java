package com.exchangesync.worker.exchange.ews;

import com.exchangesync.worker.config.TransportPolicy;
import com.exchangesync.worker.exchange.MailboxError;
import com.exchangesync.worker.exchange.MailboxException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import microsoft.exchange.webservices.data.autodiscover.enumeration.UserSettingName;
import microsoft.exchange.webservices.data.autodiscover.response.GetUserSettingsResponse;

/**
 * Finds the EWS endpoint of a rep's mailbox: the fixed URL when Setup gives one,
 * else SOAP Autodiscover ({@code GetUserSettings}) at the configured Autodiscover
 * URL or, without one, at the addresses ews-java-api derives from the rep's
 * domain. Answers are cached for an hour per address, since Autodiscover is slow
 * and mailboxes rarely move. Every URL, found or given, must pass the
 * {@link TransportPolicy}.
 */
final class EwsEndpoints {

  static final Duration CACHE_FOR = Duration.ofHours(1);

  /** Where a mailbox lives, and the name its owner goes by. */
  record Endpoint(URI ewsUrl, String displayName, boolean discovered) {}

  private record Cached(Endpoint endpoint, Instant until) {}

  private final EwsSettings settings;
  private final Clock clock;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();
  private volatile Instant nextSweep = Instant.MIN;

  EwsEndpoints(EwsSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /** The endpoint for {@code smtp}. */
  Endpoint resolve(String smtp, ExchangeStats stats) throws MailboxException {
    if (settings.ewsUrl().isPresent()) {
      return new Endpoint(allowed(settings.ewsUrl().get(), "The EWS URL"), "", false);
    }
    String key = smtp.toLowerCase(java.util.Locale.ROOT);
    Cached cached = cache.get(key);
    if (cached != null && clock.instant().isBefore(cached.until())) {
      return cached.endpoint();
    }
    Endpoint found = autodiscover(smtp, stats);
    Instant now = clock.instant();
    cache.put(key, new Cached(found, now.plus(CACHE_FOR)));
    forgetExpired(now);
    return found;
  }

  /**
   * Drops the endpoints past their hour, at most once every quarter of an hour: a mailbox no longer synced
   * (its rep left, it moved to another worker) keeps nothing here.
   */
  private void forgetExpired(Instant now) {
    Instant due = nextSweep;
    if (now.isBefore(due)) {
      return;
    }
    nextSweep = now.plus(CACHE_FOR.dividedBy(4));
    cache.values().removeIf(c -> !now.isBefore(c.until()));
  }

  /** How many mailboxes' endpoints are kept (for tests). */
  int cached() {
    return cache.size();
  }

  private Endpoint autodiscover(String smtp, ExchangeStats stats) throws MailboxException {
    URI override = settings.autodiscoverUrl().isPresent() ? allowed(settings.autodiscoverUrl().get(), "The Autodiscover URL") : null;
    GetUserSettingsResponse response = new EwsCalls(smtp, settings.retry(), stats).call("GetUserSettings", () -> {
      try (StatusAwareAutodiscoverService autodiscover = override == null
          ? new StatusAwareAutodiscoverService() : new StatusAwareAutodiscoverService(override)) {
        autodiscover.getHttpHeaders().put("Authorization", settings.account().basicAuthorization());
        autodiscover.setTimeout((int) settings.timeout().toMillis());
        // Redirections are followed only to https, as Microsoft advises.
        autodiscover.setRedirectionUrlValidationCallback(url -> url != null && url.toLowerCase().startsWith("https://"));
        try {
          return autodiscover.getUserSettings(smtp, UserSettingName.ExternalEwsUrl, UserSettingName.InternalEwsUrl,
              UserSettingName.UserDisplayName);
        } catch (Exception e) {
          throw autodiscover.withStatus(e);
        }
      }
    });
    if (response.getErrorCode() != null && !response.getErrorCode().name().equals("NoError")) {
      MailboxError error = response.getErrorCode().name().equals("InvalidUser") ? MailboxError.MAILBOX_NOT_FOUND
          : MailboxError.AUTODISCOVER_FAILED;
      throw new MailboxException(error, "Autodiscover found no mailbox settings for " + smtp + ": "
          + response.getErrorCode() + (response.getErrorMessage() == null ? "" : " (" + response.getErrorMessage() + ")"));
    }
    Object url = response.getSettings().getOrDefault(UserSettingName.ExternalEwsUrl,
        response.getSettings().get(UserSettingName.InternalEwsUrl));
    if (url == null) {
      throw new MailboxException(MailboxError.AUTODISCOVER_FAILED,
          "Autodiscover answered for " + smtp + " but gave no EWS URL; is EWS enabled on the server?");
    }
    Object name = response.getSettings().get(UserSettingName.UserDisplayName);
    return new Endpoint(allowed(URI.create(url.toString()), "The EWS URL Autodiscover gave"),
        name == null ? "" : name.toString(), true);
  }

  private URI allowed(URI uri, String what) throws MailboxException {
    String problem = TransportPolicy.problemWith(uri, settings.allowInsecureLoopback());
    if (problem != null) {
      throw new MailboxException(MailboxError.INSECURE_TRANSPORT, what + " " + uri + " " + problem);
    }
    return uri;
  }
}
