package com.exchangesync.worker.exchange.ews;

import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.exchange.MailboxException;
import com.exchangesync.worker.push.PushListener;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * EWS streaming notifications for an org on Exchange Server: the watched mailboxes, grouped by EWS URL and then
 * in alphabetical order into groups of at most {@link EwsStreamGroup#MAX_SUBSCRIPTIONS}, each group on one
 * connection ({@link EwsStreamGroup}). A group whose members changed is let go and made again; the others keep
 * streaming.
 */
final class EwsStreamingListener implements PushListener {

  private static final Logger LOG = LoggerFactory.getLogger(EwsStreamingListener.class);

  private final EwsSettings settings;
  private final EwsEndpoints endpoints;
  private final EwsServiceFactory services;
  private final ExchangeStats stats;
  private final BiConsumer<String, ItemKind> changed;
  private final Map<List<String>, EwsStreamGroup> groups = new LinkedHashMap<>();
  /** The EWS URL of each mailbox watched, resolved once: a watch each cycle asks Autodiscover nothing. */
  private final Map<String, URI> urls = new LinkedHashMap<>();

  EwsStreamingListener(EwsSettings settings, EwsEndpoints endpoints, EwsServiceFactory services, ExchangeStats stats,
                       BiConsumer<String, ItemKind> changed) {
    this.settings = settings;
    this.endpoints = endpoints;
    this.services = services;
    this.stats = stats;
    this.changed = changed;
  }

  @Override
  public synchronized void watch(Collection<String> emails) {
    Map<URI, TreeSet<String>> byUrl = new TreeMap<>();
    Set<String> watched = new HashSet<>();
    for (String email : emails) {
      String smtp = email.toLowerCase(Locale.ROOT);
      watched.add(smtp);
      URI url = urls.get(smtp);
      if (url == null) {
        try {
          url = endpoints.resolve(smtp, stats).ewsUrl();
          urls.put(smtp, url);
        } catch (MailboxException e) {
          LOG.warn("No EWS URL for {} ({}); its changes are found by the poll", smtp, e.getMessage());
          continue;
        }
      }
      byUrl.computeIfAbsent(url, u -> new TreeSet<>()).add(smtp);
    }
    urls.keySet().retainAll(watched); // a mailbox no longer watched keeps nothing here
    Map<List<String>, URI> wanted = new LinkedHashMap<>();
    byUrl.forEach((url, members) -> {
      List<String> sorted = new ArrayList<>(members);
      for (int i = 0; i < sorted.size(); i += EwsStreamGroup.MAX_SUBSCRIPTIONS) {
        wanted.put(List.copyOf(sorted.subList(i, Math.min(sorted.size(), i + EwsStreamGroup.MAX_SUBSCRIPTIONS))), url);
      }
    });
    groups.entrySet().removeIf(e -> {
      if (wanted.containsKey(e.getKey())) {
        return false;
      }
      e.getValue().stop();
      return true;
    });
    wanted.forEach((members, url) -> groups.computeIfAbsent(members, m -> {
      EwsStreamGroup group = new EwsStreamGroup(url, m, services, settings, stats, changed);
      group.start();
      return group;
    }));
  }

  /** How many mailboxes are watched now (for tests). */
  synchronized int watching() {
    return groups.keySet().stream().mapToInt(List::size).sum();
  }

  /** How many mailboxes' EWS URLs are kept (for tests: only those watched now). */
  synchronized int urlsKept() {
    return urls.size();
  }

  @Override
  public synchronized boolean healthy() {
    return !groups.isEmpty() && groups.values().stream().allMatch(EwsStreamGroup::healthy);
  }

  @Override
  public synchronized void close() {
    groups.values().forEach(EwsStreamGroup::stop);
    groups.clear();
  }
}
