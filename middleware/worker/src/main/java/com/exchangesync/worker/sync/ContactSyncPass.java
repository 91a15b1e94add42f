package com.exchangesync.worker.sync;

import com.exchangesync.worker.exchange.ExchangeField;
import com.exchangesync.worker.exchange.ExchangeItem;
import com.exchangesync.worker.exchange.ItemChanges;
import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.exchange.ItemResult;
import com.exchangesync.worker.exchange.ItemUpdate;
import com.exchangesync.worker.exchange.Mailbox;
import com.exchangesync.worker.exchange.MailboxError;
import com.exchangesync.worker.exchange.MailboxException;
import com.exchangesync.worker.exchange.NewItem;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sync pass of one rep's contacts: the algorithm, start to end.
 *
 * <ol>
 *   <li>Read what changed on each side since its cursor (everything, the first
 *       time or after the direction changed): EWS {@code SyncFolderItems} pages,
 *       Salesforce contacts in the rep's scope by {@code SystemModstamp}.</li>
 *   <li>Linked pairs touched on either side, or due for a retry: a pair whose
 *       partner was deleted is unlinked (never deleted in turn) and the survivor
 *       tombstoned; otherwise {@link FieldMerge} against the pair's base decides the
 *       writes.</li>
 *   <li>Unlinked Exchange contacts are matched before anything is created: by the
 *       Salesforce id we stored on the item, by the creation key we stored on a
 *       contact made from it, then by email among contacts the rep can see (the
 *       configuration's preference picks among several).</li>
 *   <li>Unlinked Salesforce contacts (Salesforce to Exchange): found by our
 *       extended property (a create that crashed before its link was saved), or
 *       by email among unlinked Exchange contacts, else created in the
 *       {@code Salesforce_Sync} folder carrying their id.</li>
 *   <li>Unlinked Exchange contacts left (Exchange to Salesforce) are created in
 *       Salesforce, owned by the rep, with the item id as creation key; the new id
 *       goes back onto the item.</li>
 *   <li>Every write is batched; a record that fails is reported and scheduled
 *       for a retry, the rest go on. Then links, tombstones, retries and both
 *       cursors are saved in one transaction, fenced by the lease.</li>
 * </ol>
 * Nothing is saved before its writes are done, and every create is found again
 * after a crash, so a pass killed at any point and run again neither loses nor
 * duplicates anything. A tombstoned record is not re-created on the side where
 * its partner was deleted until it changes again.
 */
public final class ContactSyncPass {

  private static final Logger LOG = LoggerFactory.getLogger(ContactSyncPass.class);
  private static final ItemKind KIND = ItemKind.CONTACT;

  private final Mailbox mailbox;
  private final SalesforceSide salesforce;
  private final SyncStateStore store;
  private final String leaseOwner;
  private final Clock clock;

  public ContactSyncPass(Mailbox mailbox, SalesforceSide salesforce, SyncStateStore store, String leaseOwner, Clock clock) {
    this.mailbox = mailbox;
    this.salesforce = salesforce;
    this.store = store;
    this.leaseOwner = leaseOwner;
    this.clock = clock;
  }

  /** Runs the pass for {@code rep}. */
  public PassReport run(RepContext rep) throws SyncException, LeaseLostException {
    return new Run(rep).execute();
  }

  /** The state of one pass. */
  private final class Run {
    final RepContext rep;
    final FieldMap map;
    final Direction direction;
    final PassReport report = new PassReport();
    final StateChange change = new StateChange();
    final List<String> sfFields;
    final Map<String, Link> bySf = new LinkedHashMap<>();
    final Map<String, Link> byEx = new HashMap<>();
    final Map<String, Tombstone> tombstones = new HashMap<>();
    final Map<String, Retry> retries = new HashMap<>();
    final Set<String> retried = new HashSet<>();

    // what the feeds said
    final Map<String, ExchangeItem> exChanged = new LinkedHashMap<>();
    final Set<String> exGone = new LinkedHashSet<>();
    final Map<String, SalesforceContact> sfChanged = new LinkedHashMap<>();
    final Set<String> sfGone = new HashSet<>();

    // writes waiting for their batch, and the links they make or update
    final List<PairWrite> pairWrites = new ArrayList<>();
    boolean exchangeReadWhole;
    boolean salesforceReadWhole;

    Run(RepContext rep) {
      this.rep = rep;
      this.map = rep.fields();
      this.direction = rep.direction();
      List<String> fields = new ArrayList<>(map.salesforceFields());
      if (fields.stream().noneMatch(f -> f.equalsIgnoreCase("Email"))) {
        fields.add("Email"); // matching needs it even when it is not mapped
      }
      this.sfFields = List.copyOf(fields);
    }

    PassReport execute() throws SyncException, LeaseLostException {
      SyncState state = store.load(rep.mailbox(), KIND);
      state.links().forEach(l -> {
        bySf.put(l.salesforceId(), l);
        byEx.put(l.exchangeId(), l);
      });
      state.tombstones().forEach(t -> tombstones.put(t.side() + ":" + t.recordId(), t));
      state.retries().forEach(r -> retries.put(r.side() + ":" + r.recordId(), r));
      if (direction == Direction.NONE) {
        // The guide's "Exchange configuration not set to sync": read nothing, write nothing.
        report.directionNone = true;
        report.linkedTotal = bySf.size();
        return report;
      }
      Optional<Cursor> exCursor = state.cursor(Side.EXCHANGE, direction);
      Optional<Cursor> sfCursor = state.cursor(Side.SALESFORCE, direction);
      // A read from the beginning lists every item (every contact in scope): lookups can then be local.
      exchangeReadWhole = exCursor.isEmpty();
      salesforceReadWhole = sfCursor.isEmpty() && !rep.scope().allContacts() && rep.scope().filters().isEmpty();
      String exToken = readExchange(exCursor.map(Cursor::token));
      String sfWatermark = readSalesforce(sfCursor.map(Cursor::token));
      addDueRetries(state);
      reconcileLinkedPairs();
      List<ExchangeItem> unmatchedEx = matchUnlinkedExchange();
      handleUnlinkedSalesforce(unmatchedEx);
      if (direction.toSalesforce()) {
        createInSalesforce(unmatchedEx);
      }
      applyPairWrites();
      change.cursor(Side.EXCHANGE, new Cursor(exToken, direction));
      change.cursor(Side.SALESFORCE, new Cursor(sfWatermark, direction));
      store.save(rep.mailbox(), KIND, leaseOwner, change);
      report.linkedTotal = bySf.size();
      LOG.debug("Contacts of {}: {}", rep.email(), report);
      return report;
    }

    // --- 1. reading ------------------------------------------------------------------------------

    String readExchange(Optional<String> token) throws SyncException {
      try {
        return drainExchange(token);
      } catch (MailboxException e) {
        if (e.error() == MailboxError.INVALID_SYNC_STATE && token.isPresent()) {
          // Exchange forgot our position: read everything again; links keep it from duplicating.
          LOG.warn("Exchange refused the saved sync state of {}; reading the folder afresh", rep.email());
          exchangeReadWhole = true;
          exChanged.clear();
          exGone.clear();
          return exchangeFailure(() -> drainExchange(Optional.empty()));
        }
        throw asSyncException(e);
      }
    }

    String drainExchange(Optional<String> token) throws MailboxException {
      ItemChanges page;
      do {
        page = mailbox.changes(KIND, token);
        for (ExchangeItem item : page.changed()) {
          exChanged.put(item.id(), item);
          exGone.remove(item.id());
        }
        for (String id : page.deletedIds()) {
          exChanged.remove(id);
          exGone.add(id);
        }
        token = Optional.of(page.syncToken());
      } while (page.moreAvailable());
      return token.get();
    }

    String readSalesforce(Optional<String> watermark) throws SyncException {
      SalesforceSide.Changes changes = salesforce.changedSince(rep.scope(), watermark, bySf.keySet(), sfFields);
      changes.inScope().forEach(c -> sfChanged.put(c.id(), c));
      sfGone.addAll(changes.gone());
      return changes.watermark();
    }

    /** Records whose retry is due are looked at as if they had changed. */
    void addDueRetries(SyncState state) throws SyncException {
      List<String> exIds = new ArrayList<>();
      List<String> sfIds = new ArrayList<>();
      for (Retry r : state.retries()) {
        if (r.notBefore().isAfter(clock.instant())) {
          continue;
        }
        retried.add(r.side() + ":" + r.recordId());
        if (r.side() == Side.EXCHANGE && !exChanged.containsKey(r.recordId()) && !exGone.contains(r.recordId())) {
          exIds.add(r.recordId());
        } else if (r.side() == Side.SALESFORCE && !sfChanged.containsKey(r.recordId()) && !sfGone.contains(r.recordId())) {
          sfIds.add(r.recordId());
        }
      }
      if (!exIds.isEmpty()) {
        exchangeFailure(() -> mailbox.get(KIND, exIds)).forEach(i -> exChanged.put(i.id(), i));
      }
      if (!sfIds.isEmpty()) {
        salesforce.get(rep.mailbox().userId(), sfIds, sfFields).forEach(c -> sfChanged.put(c.id(), c));
      }
    }

    // --- 2. linked pairs -------------------------------------------------------------------------

    void reconcileLinkedPairs() throws SyncException {
      Set<String> touched = new LinkedHashSet<>();
      for (Link link : bySf.values()) {
        boolean exTouched = exChanged.containsKey(link.exchangeId()) || exGone.contains(link.exchangeId());
        SalesforceContact sf = sfChanged.get(link.salesforceId());
        if (sf != null && !exTouched && !retried.contains(Side.SALESFORCE + ":" + link.salesforceId())
            && map.fromSalesforce(sf.fields()).equals(link.base())) {
          // Re-read (the watermark's overlap, or our own write's echo) with nothing new on either side.
          sfChanged.remove(link.salesforceId());
          continue;
        }
        if (sf != null || sfGone.contains(link.salesforceId()) || exTouched) {
          touched.add(link.salesforceId());
        }
      }
      List<String> needSf = new ArrayList<>();
      List<String> needEx = new ArrayList<>();
      for (String sfId : touched) {
        Link link = bySf.get(sfId);
        if (!sfChanged.containsKey(sfId) && !sfGone.contains(sfId)) {
          needSf.add(sfId);
        }
        if (!exChanged.containsKey(link.exchangeId()) && !exGone.contains(link.exchangeId())) {
          needEx.add(link.exchangeId());
        }
      }
      Map<String, SalesforceContact> sfNow = new HashMap<>(sfChanged);
      if (!needSf.isEmpty()) {
        Set<String> found = new HashSet<>();
        for (SalesforceContact c : salesforce.get(rep.mailbox().userId(), needSf, sfFields)) {
          sfNow.put(c.id(), c);
          found.add(c.id());
        }
        needSf.stream().filter(id -> !found.contains(id)).forEach(sfGone::add);
      }
      Map<String, ExchangeItem> exNow = new HashMap<>(exChanged);
      if (!needEx.isEmpty()) {
        Set<String> found = new HashSet<>();
        for (ExchangeItem i : exchangeFailure(() -> mailbox.get(KIND, needEx))) {
          exNow.put(i.id(), i);
          found.add(i.id());
        }
        needEx.stream().filter(id -> !found.contains(id)).forEach(exGone::add);
      }
      for (String sfId : touched) {
        Link link = bySf.get(sfId);
        boolean sfDeleted = sfGone.contains(sfId);
        boolean exDeleted = exGone.contains(link.exchangeId());
        if (sfDeleted || exDeleted) {
          unlink(link, sfDeleted ? null : sfNow.get(sfId), exDeleted ? null : exNow.get(link.exchangeId()));
          continue;
        }
        SalesforceContact sf = sfNow.get(sfId);
        ExchangeItem ex = exNow.get(link.exchangeId());
        pairWrites.add(new PairWrite(sf, ex, link.base(), false));
        // Consumed: neither is "unlinked" below.
        sfChanged.remove(sfId);
        exChanged.remove(link.exchangeId());
      }
    }

    /**
     * A partner was deleted: forget the pair and keep the survivor, tombstoned
     * with the content both sides last agreed on. The survivor is not re-created
     * on the side where the rep deleted it until its content moves on from that
     * (Exchange does not report an item created and deleted between two reads,
     * so a deletion may only come to light when the other side changes: that
     * change then counts as the new change that brings the record back).
     */
    void unlink(Link link, SalesforceContact survivingSf, ExchangeItem survivingEx) {
      change.unlink(link.salesforceId());
      bySf.remove(link.salesforceId());
      byEx.remove(link.exchangeId());
      report.unlinked++;
      String agreed = Fingerprint.of(link.base());
      if (survivingSf != null) {
        Tombstone t = new Tombstone(Side.SALESFORCE, survivingSf.id(), agreed);
        change.tombstone(t);
        tombstones.put(t.side() + ":" + t.recordId(), t);
      }
      if (survivingEx != null) {
        Tombstone t = new Tombstone(Side.EXCHANGE, survivingEx.id(), agreed);
        change.tombstone(t);
        tombstones.put(t.side() + ":" + t.recordId(), t);
      }
    }

    /** Whether a tombstone still holds for this record (it has not changed since its partner was deleted). */
    boolean buried(Side side, String id, Map<String, String> values) {
      Tombstone t = tombstones.get(side + ":" + id);
      if (t == null) {
        return false;
      }
      if (t.fingerprint().equals(Fingerprint.of(values))) {
        return true;
      }
      change.clearTombstone(t);
      tombstones.remove(side + ":" + id);
      return false;
    }

    // --- 3. unlinked Exchange contacts: match ----------------------------------------------------

    List<ExchangeItem> matchUnlinkedExchange() throws SyncException {
      List<ExchangeItem> unlinked = new ArrayList<>();
      for (ExchangeItem item : exChanged.values()) {
        if (!byEx.containsKey(item.id()) && !buried(Side.EXCHANGE, item.id(), map.fromExchange(item))) {
          unlinked.add(item);
        }
      }
      if (unlinked.isEmpty()) {
        return unlinked;
      }
      // (a) the Salesforce id we stored on the item
      List<String> marked = unlinked.stream().map(ExchangeItem::salesforceId).flatMap(Optional::stream)
          .filter(id -> !bySf.containsKey(id)).distinct().toList();
      Map<String, SalesforceContact> markedFound = new HashMap<>();
      List<String> notRead = new ArrayList<>();
      for (String id : marked) {
        if (sfChanged.containsKey(id)) {
          markedFound.put(id, sfChanged.get(id));
        } else {
          notRead.add(id);
        }
      }
      if (!notRead.isEmpty()) {
        salesforce.get(rep.mailbox().userId(), notRead, sfFields).forEach(c -> markedFound.put(c.id(), c));
      }
      List<ExchangeItem> rest = new ArrayList<>();
      for (ExchangeItem item : unlinked) {
        Optional<String> sfId = item.salesforceId();
        if (sfId.isPresent() && markedFound.containsKey(sfId.get()) && !bySf.containsKey(sfId.get())) {
          matched(markedFound.get(sfId.get()), item);
        } else {
          // No mark, or its contact is gone or taken (an item copied in Outlook carries the mark too).
          rest.add(item);
        }
      }
      // (b) the creation key on a contact we made from this item (owned by the rep: after a whole
      // read of the rep's contacts it is among them, so no query is needed)
      Map<String, SalesforceContact> byKey = new HashMap<>();
      sfChanged.values().stream().filter(c -> c.creationKey() != null).forEach(c -> byKey.put(c.creationKey(), c));
      if (!rest.isEmpty() && !salesforceReadWhole) {
        byKey.putAll(salesforce.byCreationKey(rest.stream().map(ExchangeItem::id).filter(id -> !byKey.containsKey(id)).toList(),
            sfFields));
      }
      List<ExchangeItem> afterKey = new ArrayList<>();
      for (ExchangeItem item : rest) {
        SalesforceContact c = byKey.get(item.id());
        if (c != null && !bySf.containsKey(c.id())) {
          matched(c, item);
        } else {
          afterKey.add(item);
        }
      }
      // (c) email, among contacts the rep can see
      Set<String> emails = new HashSet<>();
      afterKey.forEach(i -> email(i).ifPresent(emails::add));
      Map<String, List<SalesforceContact>> candidates = new HashMap<>();
      if (!emails.isEmpty()) {
        for (SalesforceContact c : salesforce.byEmail(rep.mailbox().userId(), emails, sfFields)) {
          String e = c.fields().get("Email");
          if (e != null) {
            candidates.computeIfAbsent(e.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(c);
          }
        }
      }
      List<ExchangeItem> unmatched = new ArrayList<>();
      for (ExchangeItem item : afterKey) {
        Optional<SalesforceContact> choice = email(item).flatMap(e -> rep.preference().choose(
            candidates.getOrDefault(e, List.of()).stream().filter(c -> !bySf.containsKey(c.id())).toList()));
        if (choice.isPresent()) {
          matched(choice.get(), item);
        } else {
          unmatched.add(item);
        }
      }
      return unmatched;
    }

    Optional<String> email(ExchangeItem item) {
      return item.value(ExchangeField.EMAIL).map(e -> e.trim().toLowerCase(Locale.ROOT)).filter(e -> !e.isEmpty());
    }

    /** Links a pair found by matching; an empty base makes the merge fill each side's gaps from the other. */
    void matched(SalesforceContact sf, ExchangeItem ex) {
      report.matched++;
      Link link = new Link(sf.id(), ex.id(), Map.of(), ex.changeKey());
      bySf.put(sf.id(), link);
      byEx.put(ex.id(), link);
      sfChanged.remove(sf.id());
      exChanged.remove(ex.id());
      pairWrites.add(new PairWrite(sf, ex, Map.of(), ex.salesforceId().filter(sf.id()::equals).isEmpty()));
    }

    // --- 4. unlinked Salesforce contacts ---------------------------------------------------------

    void handleUnlinkedSalesforce(List<ExchangeItem> unmatchedEx) throws SyncException {
      if (!direction.toExchange()) {
        return;
      }
      List<SalesforceContact> unlinked = new ArrayList<>();
      for (SalesforceContact c : sfChanged.values()) {
        if (!bySf.containsKey(c.id()) && !buried(Side.SALESFORCE, c.id(), map.fromSalesforce(c.fields()))) {
          unlinked.add(c);
        }
      }
      if (unlinked.isEmpty()) {
        return;
      }
      // (a) an item we created for it before a crash: after a whole read of the folder every such
      // item was in the read (and matched above by its mark); otherwise Exchange is asked
      Map<String, ExchangeItem> ours = exchangeReadWhole ? Map.of() : exchangeFailure(() -> mailbox.findBySalesforceIds(KIND,
          unlinked.stream().map(SalesforceContact::id).toList()));
      Map<String, ExchangeItem> unmatchedByEmail = new HashMap<>();
      for (ExchangeItem i : unmatchedEx) {
        email(i).ifPresent(e -> unmatchedByEmail.putIfAbsent(e, i));
      }
      List<SalesforceContact> toCreate = new ArrayList<>();
      for (SalesforceContact c : unlinked) {
        ExchangeItem found = ours.get(c.id());
        String email = c.fields().get("Email") == null ? null : c.fields().get("Email").trim().toLowerCase(Locale.ROOT);
        ExchangeItem sameEmail = email == null ? null : unmatchedByEmail.get(email);
        if (found != null && !byEx.containsKey(found.id())) {
          matched(c, found);
        } else if (sameEmail != null && !byEx.containsKey(sameEmail.id())) {
          // (b) the rep already has this person in Salesforce_Sync
          matched(c, sameEmail);
          unmatchedEx.remove(sameEmail);
          unmatchedByEmail.remove(email);
        } else {
          toCreate.add(c);
        }
      }
      if (toCreate.isEmpty()) {
        return;
      }
      // (c) create, carrying the Salesforce id so a retry finds the item instead of duplicating it
      List<NewItem> items = toCreate.stream().map(c -> new NewItem(KIND,
          nonNull(map.toExchange(map.fromSalesforce(c.fields()))), Optional.of(c.id()))).toList();
      List<ItemResult> results = exchangeFailure(() -> mailbox.create(KIND, items));
      for (int i = 0; i < toCreate.size(); i++) {
        SalesforceContact c = toCreate.get(i);
        ItemResult r = results.get(i);
        if (r.succeeded()) {
          report.exchangeCreated++;
          Link link = new Link(c.id(), r.id().orElseThrow(), map.fromSalesforce(c.fields()), r.changeKey().orElse(null));
          remember(link);
          cleared(Side.SALESFORCE, c.id());
        } else {
          failed(Side.SALESFORCE, c.id(), new RecordError(Side.EXCHANGE, c.id(), null, code(r), r.message(),
              r.error().map(MailboxError::suggestion).orElse("")));
        }
      }
    }

    // --- 5. unlinked Exchange contacts: create in Salesforce ------------------------------------

    void createInSalesforce(List<ExchangeItem> unmatchedEx) throws SyncException {
      List<ExchangeItem> toCreate = unmatchedEx.stream().filter(i -> !byEx.containsKey(i.id())).toList();
      if (toCreate.isEmpty()) {
        return;
      }
      List<Map<String, String>> records = toCreate.stream()
          .map(i -> nonNull(map.toSalesforce(map.fromExchange(i)))).toList();
      List<SalesforceSide.WriteOutcome> results = salesforce.create(rep.mailbox().userId(), records,
          toCreate.stream().map(ExchangeItem::id).toList());
      List<ItemUpdate> markBack = new ArrayList<>();
      for (int i = 0; i < toCreate.size(); i++) {
        ExchangeItem item = toCreate.get(i);
        SalesforceSide.WriteOutcome r = results.get(i);
        if (r.succeeded()) {
          report.salesforceCreated++;
          String sfId = r.id().orElseThrow();
          remember(new Link(sfId, item.id(), map.fromExchange(item), item.changeKey()));
          markBack.add(new ItemUpdate(item.id(), Optional.of(item.changeKey()), Map.of(), Optional.of(sfId)));
          cleared(Side.EXCHANGE, item.id());
        } else {
          failed(Side.EXCHANGE, item.id(), new RecordError(Side.SALESFORCE, null, item.id(), r.errorCode().orElse("UNKNOWN"),
              r.message(), SalesforceSuggestions.forCode(r.errorCode().orElse(""))));
        }
      }
      if (!markBack.isEmpty()) {
        // The new Salesforce id goes onto the item, so a Reset Sync re-links it by id. A conflict
        // (the rep edited it meanwhile) only delays that: the creation key links it too.
        List<ItemResult> marked = exchangeFailure(() -> mailbox.update(KIND, markBack));
        for (int i = 0; i < markBack.size(); i++) {
          ItemResult r = marked.get(i);
          if (r.succeeded()) {
            Link link = byEx.get(markBack.get(i).id());
            remember(new Link(link.salesforceId(), link.exchangeId(), link.base(), r.changeKey().orElse(link.exchangeChangeKey())));
          }
        }
      }
    }

    // --- 6. writing the merged pairs --------------------------------------------------------------

    /** A linked or newly matched pair and the merge's writes. */
    private record PairWrite(SalesforceContact sf, ExchangeItem ex, Map<String, String> base, boolean markItem) {}

    void applyPairWrites() throws SyncException {
      List<SalesforceSide.ContactUpdate> sfUpdates = new ArrayList<>();
      List<ItemUpdate> exUpdates = new ArrayList<>();
      Map<String, FieldMerge.Result> results = new HashMap<>();
      List<PairWrite> writes = new ArrayList<>(pairWrites);
      for (PairWrite w : writes) {
        FieldMerge.Result r = FieldMerge.merge(w.base(), map.fromSalesforce(w.sf().fields()), map.fromExchange(w.ex()),
            direction, rep.winner());
        results.put(w.sf().id(), r);
        if (!r.toSalesforce().isEmpty()) {
          sfUpdates.add(new SalesforceSide.ContactUpdate(w.sf().id(), map.toSalesforce(r.toSalesforce())));
        }
        if (!r.toExchange().isEmpty() || w.markItem()) {
          exUpdates.add(new ItemUpdate(w.ex().id(), Optional.of(w.ex().changeKey()), map.toExchange(r.toExchange()),
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
        List<ItemResult> outcomes = exchangeFailure(() -> mailbox.update(KIND, exUpdates));
        for (int i = 0; i < exUpdates.size(); i++) {
          exOutcome.put(exUpdates.get(i).id(), outcomes.get(i));
        }
      }
      for (PairWrite w : writes) {
        FieldMerge.Result r = results.get(w.sf().id());
        SalesforceSide.WriteOutcome sfResult = sfOutcome.get(w.sf().id());
        ItemResult exResult = exOutcome.get(w.ex().id());
        boolean sfOk = sfResult == null || sfResult.succeeded();
        boolean exOk = exResult == null || exResult.succeeded();
        if (sfResult != null && sfResult.succeeded()) {
          report.salesforceUpdated++;
        }
        if (exResult != null && exResult.succeeded() && !r.toExchange().isEmpty()) {
          report.exchangeUpdated++;
        }
        String changeKey = exResult != null && exResult.succeeded() ? exResult.changeKey().orElse(w.ex().changeKey())
            : w.ex().changeKey();
        if (sfOk && exOk) {
          remember(new Link(w.sf().id(), w.ex().id(), r.agreed(), changeKey));
          cleared(Side.SALESFORCE, w.sf().id());
          continue;
        }
        // Keep the old base so the next pass sees the same differences and writes them again.
        remember(new Link(w.sf().id(), w.ex().id(), w.base(), changeKey));
        if (!sfOk) {
          failed(Side.SALESFORCE, w.sf().id(), new RecordError(Side.SALESFORCE, w.sf().id(), w.ex().id(),
              sfResult.errorCode().orElse("UNKNOWN"), sfResult.message(), SalesforceSuggestions.forCode(sfResult.errorCode().orElse(""))));
        }
        if (!exOk) {
          if (exResult.error().filter(e -> e == MailboxError.CONFLICT).isPresent()) {
            // The rep edited the item after we read it: that edit is in the next feed; nothing to report.
            continue;
          }
          failed(Side.SALESFORCE, w.sf().id(), new RecordError(Side.EXCHANGE, w.sf().id(), w.ex().id(), code(exResult),
              exResult.message(), exResult.error().map(MailboxError::suggestion).orElse("")));
        }
      }
    }

    // --- bookkeeping ---------------------------------------------------------------------------

    void remember(Link link) {
      Link old = bySf.get(link.salesforceId());
      if (old != null && !old.exchangeId().equals(link.exchangeId())) {
        byEx.remove(old.exchangeId());
      }
      bySf.put(link.salesforceId(), link);
      byEx.put(link.exchangeId(), link);
      change.link(link);
    }

    void failed(Side side, String recordId, RecordError error) {
      report.errors.add(error);
      Retry previous = retries.get(side + ":" + recordId);
      change.retry(Retry.after(side, recordId, previous == null ? 0 : previous.attempts(), clock.instant()));
    }

    void cleared(Side side, String recordId) {
      Retry previous = retries.get(side + ":" + recordId);
      if (previous != null) {
        change.clearRetry(previous);
      }
    }

    String code(ItemResult r) {
      return r.error().map(MailboxError::code).orElse("EXCHANGE_UNEXPECTED");
    }

    <T> T exchangeFailure(MailboxCall<T> call) throws SyncException {
      try {
        return call.run();
      } catch (MailboxException e) {
        throw asSyncException(e);
      }
    }

    SyncException asSyncException(MailboxException e) {
      return new SyncException(e.error().code(), e.getMessage(), e.error().suggestion(), e);
    }
  }

  @FunctionalInterface
  private interface MailboxCall<T> {
    T run() throws MailboxException;
  }

  private static <K> Map<K, String> nonNull(Map<K, String> values) {
    Map<K, String> out = new HashMap<>();
    values.forEach((k, v) -> {
      if (v != null) {
        out.put(k, v);
      }
    });
    return out;
  }
}
