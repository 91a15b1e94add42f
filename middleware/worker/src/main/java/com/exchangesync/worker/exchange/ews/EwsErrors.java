package com.exchangesync.worker.exchange.ews;

import com.exchangesync.worker.exchange.MailboxError;
import com.exchangesync.worker.exchange.MailboxException;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import microsoft.exchange.webservices.data.core.enumeration.misc.error.ServiceError;
import microsoft.exchange.webservices.data.core.exception.http.HttpErrorException;
import microsoft.exchange.webservices.data.core.exception.service.remote.ServiceResponseException;

/**
 * Reads what went wrong out of ews-java-api's exceptions. The library reports a
 * response-level error as {@code ServiceResponseException}, a SOAP fault as a
 * {@code ServiceRequestException} wrapping one, and an HTTP failure as a
 * {@code ServiceRequestException} whose message (and sometimes cause) holds the
 * status; it never reads {@code BackOffMilliseconds}, which this class does.
 */
final class EwsErrors {

  private static final Pattern HTTP_STATUS = Pattern.compile("\\((\\d{3})\\)|\\b(401|403|404|500|502|503|504)\\b");

  private EwsErrors() {}

  /** The EWS error in {@code t}'s cause chain, if any. */
  static Optional<ServiceResponseException> responseError(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof ServiceResponseException e) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** The HTTP status of a failed exchange, if the failure was an HTTP one. */
  static Optional<Integer> httpStatus(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof HttpErrorException h && h.getHttpErrorCode() > 0) {
        return Optional.of(h.getHttpErrorCode());
      }
    }
    if (responseError(t).isPresent()) {
      return Optional.empty();
    }
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c.getMessage() != null && c.getMessage().contains("request failed")) {
        Matcher m = HTTP_STATUS.matcher(c.getMessage());
        if (m.find()) {
          return Optional.of(Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2)));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * How long Exchange asked us to wait, when {@code t} is {@code ErrorServerBusy}:
   * the {@code BackOffMilliseconds} of its {@code MessageXml}, or empty when it gave none.
   */
  static Optional<Optional<Duration>> serverBusy(Throwable t) {
    return responseError(t).filter(e -> e.getErrorCode() == ServiceError.ErrorServerBusy).map(e -> {
      Map<String, String> details = e.getResponse() == null ? Map.of() : e.getResponse().getErrorDetails();
      String millis = details == null ? null : details.get("BackOffMilliseconds");
      try {
        return millis == null ? Optional.empty() : Optional.of(Duration.ofMillis(Long.parseLong(millis.trim())));
      } catch (NumberFormatException bad) {
        return Optional.empty();
      }
    });
  }

  /**
   * Whether {@code t} leaves unknown if Exchange carried the request out: an HTTP 502,
   * 503 or 504 page (what a load balancer or proxy answers, also after the server did
   * the work), or no answer at all (the connection closed or timed out). An EWS error
   * or SOAP fault is Exchange's own answer, and not lost.
   */
  static boolean answerLost(Throwable t) {
    if (responseError(t).isPresent()) {
      return false;
    }
    Optional<Integer> status = httpStatus(t);
    if (status.isPresent()) {
      return status.get() == 502 || status.get() == 503 || status.get() == 504;
    }
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof SSLException) {
        return false; // the handshake failed: nothing was sent
      }
      if (c instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  /** The named error for an EWS response code. */
  static MailboxError named(ServiceError code) {
    return switch (code) {
      case ErrorImpersonateUserDenied, ErrorImpersonationDenied, ErrorImpersonationFailed -> MailboxError.IMPERSONATION_DENIED;
      case ErrorNonExistentMailbox, ErrorMailboxMoveInProgress -> MailboxError.MAILBOX_NOT_FOUND;
      case ErrorFolderNotFound -> MailboxError.FOLDER_MISSING;
      case ErrorItemNotFound, ErrorCalendarOccurrenceIsDeletedFromRecurrence,
           ErrorCalendarOccurrenceIndexIsOutOfRecurrenceRange -> MailboxError.ITEM_NOT_FOUND;
      case ErrorInvalidSyncStateData -> MailboxError.INVALID_SYNC_STATE;
      case ErrorIrresolvableConflict -> MailboxError.CONFLICT;
      case ErrorPropertyValidationFailure, ErrorInvalidPropertySet, ErrorInvalidPropertyRequest,
           ErrorCalendarEndDateIsEarlierThanStartDate, ErrorCalendarDurationIsTooLong, ErrorInvalidValueForProperty,
           ErrorSchemaValidation, ErrorCalendarOutOfRange, ErrorCalendarInvalidDayForWeeklyRecurrence,
           ErrorCalendarInvalidRecurrence, ErrorUnsupportedRecurrence, ErrorRecurrenceEndDateTooBig,
           ErrorRecurrenceHasNoOccurrence, ErrorOccurrenceCrossingBoundary, ErrorCalendarInvalidTimeZone,
           ErrorInvalidRecipients, ErrorInvalidPropertyDelete -> MailboxError.INVALID_PROPERTY_VALUE;
      case ErrorServerBusy -> MailboxError.THROTTLED;
      case ErrorInternalServerError, ErrorInternalServerTransientError, ErrorMailboxStoreUnavailable -> MailboxError.UNAVAILABLE;
      default -> MailboxError.UNEXPECTED;
    };
  }

  /**
   * Whether a per-item answer means the item is not there (any more): not found,
   * or an occurrence that was cancelled or lies past its series' end.
   */
  static boolean gone(ServiceError code) {
    return named(code) == MailboxError.ITEM_NOT_FOUND;
  }

  /** Whether {@code t} carries the EWS error {@code code}. */
  static boolean is(Throwable t, ServiceError code) {
    return responseError(t).filter(e -> e.getErrorCode() == code).isPresent();
  }

  /** {@code t} as a named mailbox failure, with a message that says where it happened. */
  static MailboxException translate(Throwable t, String smtp, String operation) {
    Optional<ServiceResponseException> ews = responseError(t);
    if (ews.isPresent()) {
      ServiceError code = ews.get().getErrorCode();
      return new MailboxException(named(code),
          operation + " for " + smtp + " failed: " + code + ": " + ews.get().getMessage(), t);
    }
    Optional<Integer> status = httpStatus(t);
    if (status.isPresent()) {
      int s = status.get();
      MailboxError error = s == 401 || s == 403 ? MailboxError.BAD_CREDENTIALS
          : s == 503 ? MailboxError.THROTTLED
          : s >= 500 ? MailboxError.UNAVAILABLE
          : MailboxError.UNREACHABLE;
      String what = s == 401 ? "the service account's user name or password was refused (HTTP 401)"
          : s == 404 ? "there is no EWS endpoint at that address (HTTP 404)"
          : "Exchange answered HTTP " + s;
      return new MailboxException(error, operation + " for " + smtp + " failed: " + what + ".", t);
    }
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof SSLException) {
        return new MailboxException(MailboxError.UNREACHABLE,
            operation + " for " + smtp + " failed: the TLS connection was refused (" + c.getMessage() + ").", t);
      }
      if (c instanceof IOException) {
        return new MailboxException(MailboxError.UNREACHABLE,
            operation + " for " + smtp + " failed: Exchange could not be reached (" + c + ").", t);
      }
    }
    return new MailboxException(MailboxError.UNEXPECTED, operation + " for " + smtp + " failed: " + t, t);
  }
}
