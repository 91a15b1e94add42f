package com.exchangesync.worker.sync;

import com.exchangesync.worker.exchange.ExchangeItem;
import com.exchangesync.worker.exchange.ItemResult;
import com.exchangesync.worker.exchange.ItemUpdate;
import com.exchangesync.worker.exchange.Mailbox;
import com.exchangesync.worker.exchange.MailboxError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Step 6 of a pass: the merged pairs, written in one batch per side (the
 * adapters split batches to the protocols' limits). Every write is conditional
 * on the version read: an item or record someone changed between our read and
 * our write is refused rather than overwritten, read again and merged again
 * (up to {@value #ROUNDS} rounds; a pair still racing goes to the next pass,
 * whose feed has the new edit).
 *
 * <p>A pair whose writes all land gets the agreed values as its base. When one
 * side's write lands and the other's is refused, each side's base is what it
 * acknowledged holding ({@link FieldMerge.Bases}): the refused side's base stays
 * what it held, so a change there since is the rep's and is kept, under either
 * winner. A refusal (not a race) becomes an error row and a retry.
 */
final class PairWrites {

  static final int ROUNDS = 3;

  private final PassState s;
  private final Mailbox mailbox;
  private final SalesforceSide salesforce;

  PairWrites(PassState s, Mailbox mailbox, SalesforceSide salesforce) {
    this.s = s;
    this.mailbox = mailbox;
    this.salesforce = salesforce;
  }

  /** A pair to merge in a round: both records as read, and the bases to merge against. */
  private record Round(SalesforceItem sf, ExchangeItem ex, FieldMerge.Bases bases, boolean markItem) {}

  void apply() throws SyncException {
    List<Round> round = new ArrayList<>();
    for (PassState.PairWrite w : s.pairWrites) {
      Link link = s.links.ofSalesforce(w.sf().id()).orElse(null);
      FieldMerge.Bases bases = w.base().isEmpty() || link == null ? new FieldMerge.Bases(w.base(), w.base(), w.base())
          : link.bases();
      round.add(new Round(w.sf(), w.ex(), bases, w.markItem()));
    }
    for (int n = 1; n <= ROUNDS && !round.isEmpty(); n++) {
      round = write(round, n == ROUNDS);
    }
  }

  /** Writes one round; returns the pairs that raced someone's edit, read again and ready to merge again. */
  private List<Round> write(List<Round> round, boolean last) throws SyncException {
    List<SalesforceSide.RecordUpdate> sfUpdates = new ArrayList<>();
    List<ItemUpdate> exUpdates = new ArrayList<>();
    Map<String, FieldMerge.Result> merged = new HashMap<>();
    for (Round w : round) {
      FieldMerge.Result r = FieldMerge.merge(w.bases(), s.map.fromSalesforce(w.sf().fields()), s.map.fromExchange(w.ex()),
          s.direction, s.rep.winner());
      merged.put(w.sf().id(), r);
      if (!r.toSalesforce().isEmpty()) {
        sfUpdates.add(new SalesforceSide.RecordUpdate(w.sf().id(), s.map.toSalesforce(r.toSalesforce()),
            Optional.ofNullable(w.sf().version())));
      }
      if (!r.toExchange().isEmpty() || w.markItem()) {
        exUpdates.add(new ItemUpdate(w.ex().id(), Optional.of(w.ex().changeKey()), s.map.toExchange(r.toExchange(), w.ex().values()),
            w.markItem() ? Optional.of(w.sf().id()) : Optional.empty()));
      }
    }
    Map<String, SalesforceSide.WriteOutcome> sfOutcome = new HashMap<>();
    if (!sfUpdates.isEmpty()) {
      List<SalesforceSide.WriteOutcome> outcomes = salesforce.update(sfUpdates);
      for (int i = 0; i < sfUpdates.size(); i++) {
        sfOutcome.put(sfUpdates.get(i).id(), outcomes.get(i));
      }
    }
    Map<String, ItemResult> exOutcome = new HashMap<>();
    if (!exUpdates.isEmpty()) {
      List<ItemResult> outcomes = PassState.exchange(() -> mailbox.update(s.rules.itemKind(), exUpdates));
      for (int i = 0; i < exUpdates.size(); i++) {
        exOutcome.put(exUpdates.get(i).id(), outcomes.get(i));
      }
    }
    List<Round> raced = new ArrayList<>();
    for (Round w : round) {
      Optional<Round> again = record(w, merged.get(w.sf().id()), sfOutcome.get(w.sf().id()), exOutcome.get(w.ex().id()), last);
      again.ifPresent(raced::add);
    }
    return reread(raced);
  }

  /** Records one pair's outcome; returns it again (to be read anew) when a side raced someone's edit. */
  private Optional<Round> record(Round w, FieldMerge.Result r, SalesforceSide.WriteOutcome sfResult, ItemResult exResult,
                                 boolean last) {
    boolean sfOk = sfResult == null || sfResult.succeeded();
    boolean exOk = exResult == null || exResult.succeeded();
    boolean sfRaced = sfResult != null && sfResult.errorCode().filter(SalesforceSide.CONFLICT::equals).isPresent();
    boolean exRaced = exResult != null && exResult.error().filter(e -> e == MailboxError.CONFLICT).isPresent();
    if (sfResult != null && sfResult.succeeded()) {
      s.report.salesforceUpdated++;
    }
    if (exResult != null && exResult.succeeded() && !r.toExchange().isEmpty()) {
      s.report.exchangeUpdated++;
    }
    String changeKey = exResult != null && exResult.succeeded() ? exResult.changeKey().orElse(w.ex().changeKey())
        : w.ex().changeKey();
    if (sfOk && exOk) {
      s.remember(new Link(w.sf().id(), w.ex().id(), r.agreed(), changeKey));
      s.cleared(Side.SALESFORCE, w.sf().id());
      return Optional.empty();
    }
    // Each side's base is what it acknowledged holding: the agreed values where its write landed
    // (or none was needed), what was read from it where it was refused.
    Map<String, String> sfHolds = sfOk ? r.agreed() : s.map.fromSalesforce(w.sf().fields());
    Map<String, String> exHolds = exOk ? r.agreed() : s.map.fromExchange(w.ex());
    s.remember(new Link(w.sf().id(), w.ex().id(), r.agreed(), changeKey, null, sfHolds, exHolds));
    if ((sfRaced || exRaced) && !last && !(!sfOk && !sfRaced) && !(!exOk && !exRaced)) {
      // Someone changed a side since we read it: read it again and merge again.
      Link link = s.links.ofSalesforce(w.sf().id()).orElseThrow();
      return Optional.of(new Round(w.sf(), w.ex(), link.bases(), w.markItem() && !exOk));
    }
    if (!sfOk && !sfRaced) {
      String code = sfResult.errorCode().orElse("UNKNOWN");
      s.failed(Side.SALESFORCE, w.sf().id(), new RecordError(Side.SALESFORCE, w.sf().id(), w.ex().id(), code,
          sfResult.message(), SalesforceSuggestions.forCode(code)));
    }
    if (!exOk && !exRaced) {
      s.failed(Side.SALESFORCE, w.sf().id(), new RecordError(Side.EXCHANGE, w.sf().id(), w.ex().id(), PassState.code(exResult),
          exResult.message(), exResult.error().map(MailboxError::suggestion).orElse("")));
    }
    return Optional.empty();
  }

  /** The raced pairs with both sides read again (a side gone since goes to the next pass's feed). */
  private List<Round> reread(List<Round> raced) throws SyncException {
    if (raced.isEmpty()) {
      return raced;
    }
    Map<String, SalesforceItem> sfNow = new HashMap<>();
    salesforce.get(s.repUserId(), raced.stream().map(r -> r.sf().id()).toList(), s.sfFields).forEach(i -> sfNow.put(i.id(), i));
    Map<String, ExchangeItem> exNow = new HashMap<>();
    List<ExchangeItem> items = PassState.exchange(() -> mailbox.get(s.rules.itemKind(), raced.stream().map(r -> r.ex().id()).toList()));
    s.rules.prepare(items);
    items.forEach(i -> exNow.put(i.id(), i));
    List<Round> again = new ArrayList<>();
    for (Round r : raced) {
      SalesforceItem sf = sfNow.get(r.sf().id());
      ExchangeItem ex = exNow.get(r.ex().id());
      if (sf != null && ex != null) {
        again.add(new Round(sf, ex, r.bases(), r.markItem()));
      }
    }
    return again;
  }
}
