package com.exchangesync.worker.exchange.ews;

import com.exchangesync.worker.exchange.ExchangeField;
import com.exchangesync.worker.exchange.ExchangeItem;
import com.exchangesync.worker.exchange.MailboxError;
import com.exchangesync.worker.exchange.MailboxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.PropertySet;
import microsoft.exchange.webservices.data.core.enumeration.misc.error.ServiceError;
import microsoft.exchange.webservices.data.core.enumeration.property.BasePropertySet;
import microsoft.exchange.webservices.data.core.enumeration.service.ServiceResult;
import microsoft.exchange.webservices.data.core.enumeration.service.calendar.AppointmentType;
import microsoft.exchange.webservices.data.core.response.GetItemResponse;
import microsoft.exchange.webservices.data.core.response.ServiceResponseCollection;
import microsoft.exchange.webservices.data.core.service.item.Appointment;
import microsoft.exchange.webservices.data.core.service.item.Item;
import microsoft.exchange.webservices.data.core.service.schema.AppointmentSchema;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import microsoft.exchange.webservices.data.property.complex.ItemId;
import microsoft.exchange.webservices.data.property.complex.RecurringAppointmentMasterId;
import microsoft.exchange.webservices.data.search.CalendarView;
import microsoft.exchange.webservices.data.search.FindItemsResults;

/**
 * The occurrences and exceptions of series in a time window: the series' masters
 * give their iCalendar UIDs (which every occurrence of a series shares), a
 * {@code CalendarView} per window lists what the calendar shows (ids, types and
 * UIDs only: a view returns no bodies), and batched {@code GetItem} reads the
 * matching occurrences in full; a view listed earlier in the same open, with no
 * write of the worker's since, is taken from {@link CalendarViews}. Windows stay
 * within Exchange's limits (see {@link EwsCalendarWindow}). A UID two of the
 * asked series share (a copied meeting) is resolved through each occurrence's
 * {@code RecurringMasterItemId}.
 */
final class EwsOccurrences {

  /** Entries per CalendarView call: Exchange's default EWSFindCountLimit. */
  static final int VIEW_ENTRIES = 1000;

  /** Reads items in full, with their series ids ({@code seriesOf}: those already known, by occurrence id). */
  @FunctionalInterface
  interface Reader {
    List<ExchangeItem> read(List<String> ids, Map<String, String> seriesOf) throws MailboxException;
  }

  private final String smtp;
  private final ExchangeService service;
  private final EwsCalls calls;
  private final FolderId calendar;
  private final Reader reader;
  private final CalendarViews views;

  EwsOccurrences(String smtp, ExchangeService service, EwsCalls calls, FolderId calendar, Reader reader, CalendarViews views) {
    this.smtp = smtp;
    this.service = service;
    this.calls = calls;
    this.calendar = calendar;
    this.reader = reader;
    this.views = views;
  }

  Map<String, List<ExchangeItem>> read(Set<String> seriesIds, Instant from, Instant to) throws MailboxException {
    Map<String, List<ExchangeItem>> out = new LinkedHashMap<>();
    seriesIds.forEach(id -> out.put(id, new ArrayList<>()));
    Map<String, List<String>> seriesByUid = mastersByUid(List.copyOf(seriesIds));
    if (seriesByUid.isEmpty() || !to.isAfter(from)) {
      return out;
    }
    Map<String, CalendarViews.Entry> shown = new LinkedHashMap<>();
    for (EwsCalendarWindow window : EwsCalendarWindow.chunks(from, to)) {
      List<CalendarViews.Entry> listed = views.listed(window).orElse(null);
      if (listed == null) {
        Map<String, CalendarViews.Entry> viewed = new LinkedHashMap<>();
        view(window, viewed);
        listed = List.copyOf(viewed.values());
        views.remember(window, listed);
      }
      listed.forEach(e -> shown.putIfAbsent(e.id(), e));
    }
    List<String> ids = new ArrayList<>();
    Map<String, String> seriesOf = new HashMap<>();
    for (CalendarViews.Entry e : shown.values()) {
      List<String> series = seriesByUid.get(e.uid());
      if (series != null) {
        ids.add(e.id());
        if (series.size() == 1 && !e.uid().isEmpty()) {
          seriesOf.put(e.id(), series.get(0));
        }
      }
    }
    for (ExchangeItem item : reader.read(ids, seriesOf)) {
      item.value(ExchangeField.SERIES_ID).map(out::get).ifPresent(list -> list.add(item));
    }
    return out;
  }

  /**
   * The asked series that are masters (singles, occurrences and ids of nothing are not), by UID: those read whole
   * in this open from memory, the others with one {@code GetItem} of their ids and UIDs.
   */
  private Map<String, List<String>> mastersByUid(List<String> seriesIds) throws MailboxException {
    Map<String, List<String>> byUid = new HashMap<>();
    List<String> unknown = new ArrayList<>();
    for (String id : seriesIds) {
      views.masterUid(id).ifPresentOrElse(uid -> byUid.computeIfAbsent(uid, k -> new ArrayList<>()).add(id), () -> unknown.add(id));
    }
    PropertySet shape = new PropertySet(BasePropertySet.IdOnly, AppointmentSchema.AppointmentType, AppointmentSchema.ICalUid);
    for (List<String> batch : EwsMailbox.batches(unknown, EwsMailbox.BATCH)) {
      ServiceResponseCollection<GetItemResponse> responses = calls.call("GetItem",
          () -> service.bindToItems(EwsMailbox.itemIds(batch), shape));
      for (int i = 0; i < responses.getCount(); i++) {
        GetItemResponse r = responses.getResponseAtIndex(i);
        if (r.getResult() != ServiceResult.Success) {
          if (!EwsErrors.gone(r.getErrorCode()) && r.getErrorCode() != ServiceError.ErrorInvalidIdMalformed) {
            throw new MailboxException(EwsErrors.named(r.getErrorCode()), "GetItem for " + smtp + " failed on series "
                + batch.get(i) + ": " + r.getErrorCode() + ": " + r.getErrorMessage());
          }
          continue;
        }
        if (r.getItem() instanceof Appointment a
            && EwsEventCodec.get(a, AppointmentSchema.AppointmentType) == AppointmentType.RecurringMaster) {
          String uid = EwsEventCodec.get(a, AppointmentSchema.ICalUid);
          byUid.computeIfAbsent(uid == null ? "" : uid, k -> new ArrayList<>()).add(batch.get(i));
        }
      }
    }
    return byUid;
  }

  /** Adds what {@code window} shows of series (occurrences and exceptions), halving it while it holds too much. */
  private void view(EwsCalendarWindow window, Map<String, CalendarViews.Entry> shown) throws MailboxException {
    FindItemsResults<Appointment> found;
    try {
      CalendarView view = new CalendarView(Date.from(window.from()), Date.from(window.to()), VIEW_ENTRIES);
      view.setPropertySet(new PropertySet(BasePropertySet.IdOnly, AppointmentSchema.AppointmentType, AppointmentSchema.ICalUid));
      found = calls.call("FindItem", () -> service.findAppointments(calendar, view));
    } catch (MailboxException e) {
      if (!EwsErrors.is(e, ServiceError.ErrorExceededFindCountLimit)) {
        throw e;
      }
      found = null;
    } catch (Exception e) {
      throw EwsErrors.translate(e, smtp, "FindItem");
    }
    if (found == null || found.isMoreAvailable()) {
      Optional<List<EwsCalendarWindow>> halves = window.halves();
      if (halves.isEmpty()) {
        throw new MailboxException(MailboxError.UNEXPECTED, "The calendar of " + smtp + " shows more than " + VIEW_ENTRIES
            + " entries starting at " + window.from() + ", more than one calendar view can list.");
      }
      for (EwsCalendarWindow half : halves.get()) {
        view(half, shown);
      }
      return;
    }
    for (Item item : found.getItems()) {
      Appointment a = (Appointment) item;
      AppointmentType type = EwsEventCodec.get(a, AppointmentSchema.AppointmentType);
      if (type == AppointmentType.Occurrence || type == AppointmentType.Exception) {
        String id = idOf(a);
        String uid = EwsEventCodec.get(a, AppointmentSchema.ICalUid);
        shown.putIfAbsent(id, new CalendarViews.Entry(id, uid == null ? "" : uid));
      }
    }
  }

  private String idOf(Item item) throws MailboxException {
    try {
      return item.getId().getUniqueId();
    } catch (Exception e) {
      throw new MailboxException(MailboxError.UNEXPECTED, "Exchange listed an item of " + smtp + " without an id", e);
    }
  }

  /** The masters of these occurrences (by occurrence id), from their {@code RecurringMasterItemId}. */
  static Map<String, String> masters(ExchangeService service, EwsCalls calls, String smtp, List<String> occurrenceIds)
      throws MailboxException {
    Map<String, String> out = new HashMap<>();
    Set<String> unique = new LinkedHashSet<>(occurrenceIds);
    for (List<String> batch : EwsMailbox.batches(List.copyOf(unique), EwsMailbox.BATCH)) {
      ServiceResponseCollection<GetItemResponse> responses = calls.call("GetItem", () -> {
        List<ItemId> ids = new ArrayList<>();
        for (String id : batch) {
          ids.add(new RecurringAppointmentMasterId(id));
        }
        return service.bindToItems(ids, PropertySet.IdOnly);
      });
      for (int i = 0; i < responses.getCount(); i++) {
        GetItemResponse r = responses.getResponseAtIndex(i);
        if (r.getResult() == ServiceResult.Success) {
          try {
            out.put(batch.get(i), r.getItem().getId().getUniqueId());
          } catch (Exception e) {
            throw new MailboxException(MailboxError.UNEXPECTED, "Exchange returned a series of " + smtp + " without an id", e);
          }
        } else if (!EwsErrors.gone(r.getErrorCode())) {
          throw new MailboxException(EwsErrors.named(r.getErrorCode()), "GetItem (series) for " + smtp + " failed on "
              + batch.get(i) + ": " + r.getErrorCode() + ": " + r.getErrorMessage());
        }
      }
    }
    return out;
  }
}
