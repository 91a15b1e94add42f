package com.exchangesync.worker.sync.event;

import com.exchangesync.worker.sync.Link;
import com.exchangesync.worker.sync.PassContext;
import com.exchangesync.worker.sync.SalesforceItem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Tells apart the Salesforce series that start at the same instant. The API
 * names no series (the org's series id is not on it): every occurrence carries
 * only its pattern ({@code Recurrence2PatternText}, {@code …StartDate},
 * {@code …TimeZone}), so a query by start finds every series starting then,
 * two weekly meetings at 09:00 on Mondays alike. A series is named by its first
 * occurrence's id (the org keeps it when the series is made again; the series
 * pair is {@code ~<first id>}), and its occurrences are
 * <ul>
 *   <li>those paired under its master (the links say whose they are), and</li>
 *   <li>unpaired ones <em>alike</em> its first occurrence: same zone, rule and
 *       subject. Salesforce copies the first occurrence's fields to each
 *       occurrence it makes (at creation, and when a pattern change makes the
 *       series again), and an occurrence changed alone is an exception
 *       ({@code IsRecurrence2Exception}); so two series' occurrences that are
 *       no exceptions differ in one of these, or are duplicates.</li>
 * </ul>
 * Series alike in all of it are told apart by the links alone, and by which
 * ids were there before the sync made one ({@link NewSeries}). A first
 * occurrence that is itself an exception carries no signature of its series:
 * the series is then signed by the unpaired occurrences of its zone and rule,
 * when they share one signature ({@code SeriesGroupsTest}).
 */
final class SeriesGroups {

  private SeriesGroups() {}

  /**
   * The occurrences of the series whose first occurrence is {@code firstId}, paired under {@code masterId},
   * among {@code atStart} (all series starting at that instant).
   */
  static List<SalesforceItem> of(PassContext pass, List<SalesforceItem> atStart, String firstId, String masterId) {
    SalesforceItem first = atStart.stream().filter(r -> r.id().equals(firstId)).findFirst().orElse(null);
    Membership series = first == null ? null : Membership.of(pass, first, atStart);
    List<SalesforceItem> out = new ArrayList<>();
    for (SalesforceItem r : atStart) {
      java.util.Optional<Link> link = pass.linkOfSalesforce(r.id());
      if (r.id().equals(firstId) || link.map(l -> masterId.equals(l.series())).orElse(false)
          || (link.isEmpty() && series != null && series.holds(r))) {
        out.add(r);
      }
    }
    return out;
  }

  /**
   * What makes an unpaired occurrence one of the series whose first occurrence is {@code first}: its signature
   * (zone, rule, subject), which an exception (its subject changed alone) does not carry. So when the first is an
   * exception, the series' signature is the one the unpaired occurrences of its zone and rule that are no
   * exceptions share, if they share one; and an unpaired exception of that zone and rule is the series' when no
   * other series of that zone and rule is unpaired there.
   */
  private record Membership(SalesforceItem first, java.util.Optional<String> own, boolean onlySeriesOfItsRule) {

    static Membership of(PassContext pass, SalesforceItem first, List<SalesforceItem> atStart) {
      java.util.Set<String> signatures = new java.util.HashSet<>();
      for (SalesforceItem r : atStart) {
        if (!exception(r) && pattern(r).equals(pattern(first)) && pass.linkOfSalesforce(r.id()).isEmpty()) {
          signatures.add(signature(r));
        }
      }
      java.util.Optional<String> own = !exception(first) ? java.util.Optional.of(signature(first))
          : signatures.size() == 1 ? java.util.Optional.of(signatures.iterator().next()) : java.util.Optional.empty();
      boolean only = own.isPresent() && (signatures.isEmpty() || signatures.equals(java.util.Set.of(own.get())));
      return new Membership(first, own, only);
    }

    boolean holds(SalesforceItem r) {
      return alike(first, r) || own.filter(SeriesGroups.signature(r)::equals).isPresent()
          || (onlySeriesOfItsRule && exception(r) && pattern(r).equals(pattern(first)));
    }
  }

  private static boolean exception(SalesforceItem r) {
    return Boolean.parseBoolean(r.get("IsRecurrence2Exception"));
  }

  /**
   * The series among {@code atStart} that no pair holds, each as its occurrences (oldest first). Exceptions
   * join the series of their zone and rule with their subject, else the oldest of their zone and rule; one
   * with no such series where a paired series of its zone and rule starts is that series' (an occurrence
   * left unpaired when it was paired): its pair's step takes it, as it always did.
   */
  static List<List<SalesforceItem>> unpaired(PassContext pass, List<SalesforceItem> atStart) {
    List<SalesforceItem> sorted = atStart.stream()
        .sorted(Comparator.comparing(SalesforceItem::created).thenComparing(SalesforceItem::id)).toList();
    Set<String> claimed = new HashSet<>();
    Set<String> pairedPatterns = new HashSet<>();
    Set<String> masters = new LinkedHashSet<>();
    for (SalesforceItem r : sorted) {
      pass.linkOfSalesforce(r.id()).ifPresent(l -> {
        claimed.add(r.id());
        if (l.inSeries()) {
          masters.add(l.series());
        }
      });
    }
    for (String master : masters) {
      SeriesSync.seriesPair(pass, master).ifPresent(pair -> {
        for (SalesforceItem r : of(pass, sorted, SeriesSync.salesforceOf(pair), master)) {
          claimed.add(r.id());
          pairedPatterns.add(pattern(r));
        }
      });
    }
    Map<String, List<SalesforceItem>> series = new LinkedHashMap<>();
    List<SalesforceItem> exceptions = new ArrayList<>();
    for (SalesforceItem r : sorted) {
      if (claimed.contains(r.id())) {
        continue;
      }
      if (exception(r)) {
        exceptions.add(r);
      } else {
        series.computeIfAbsent(signature(r), k -> new ArrayList<>()).add(r);
      }
    }
    for (SalesforceItem e : exceptions) {
      List<SalesforceItem> into = series.get(signature(e));
      if (into == null) {
        into = series.entrySet().stream().filter(s -> s.getKey().startsWith(pattern(e) + "|")).map(Map.Entry::getValue)
            .findFirst().orElse(null);
      }
      if (into == null && !pairedPatterns.contains(pattern(e))) {
        into = series.computeIfAbsent(pattern(e) + "|", k -> new ArrayList<>()); // a series of exceptions only
      }
      if (into != null) {
        into.add(e);
      }
    }
    return List.copyOf(series.values());
  }

  /** Whether two occurrences at one start are of one series, as far as their fields tell. */
  static boolean alike(SalesforceItem a, SalesforceItem b) {
    return signature(a).equals(signature(b));
  }

  private static String pattern(SalesforceItem r) {
    return r.get("Recurrence2PatternTimeZone") + "|" + SeriesPattern.rule(r);
  }

  private static String signature(SalesforceItem r) {
    return pattern(r) + "|" + Objects.toString(r.get("Subject"), "");
  }
}
