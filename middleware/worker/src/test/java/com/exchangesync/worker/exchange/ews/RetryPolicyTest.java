package com.exchangesync.worker.exchange.ews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.exchangesync.worker.exchange.MailboxError;
import com.exchangesync.worker.exchange.RetryPolicy;
import java.time.Duration;
import microsoft.exchange.webservices.data.core.enumeration.misc.error.ServiceError;
import microsoft.exchange.webservices.data.core.exception.service.remote.ServiceRequestException;
import org.junit.jupiter.api.Test;

/** Back-off arithmetic and how failures are named, without a server. */
class RetryPolicyTest {

  private final RetryPolicy policy = new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofSeconds(10), d -> { });

  @Test
  void backOffDoublesFromTheFirstWait_andStopsAtTheCap() {
    assertThat(policy.backOffAfter(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(policy.backOffAfter(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(policy.backOffAfter(4)).isEqualTo(Duration.ofSeconds(8));
    assertThat(policy.backOffAfter(5)).isEqualTo(Duration.ofSeconds(10));
    assertThat(policy.backOffAfter(60)).isEqualTo(Duration.ofSeconds(10));
    assertThat(policy.capped(Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(10));
    assertThat(policy.capped(Duration.ofMillis(1234))).isEqualTo(Duration.ofMillis(1234));
  }

  @Test
  void aPolicyNeedsAtLeastOneAttempt() {
    assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, d -> { })).hasMessageContaining("at least 1");
  }

  @Test
  void theHttpStatusIsReadFromTheLibrarysMessage() {
    Exception unauthorized = new ServiceRequestException(
        "The request failed. The request failed. The remote server returned an error: (401)Unauthorized");
    assertThat(EwsErrors.httpStatus(unauthorized)).contains(401);
    assertThat(EwsErrors.translate(unauthorized, "a@x.com", "GetFolder").error()).isEqualTo(MailboxError.BAD_CREDENTIALS);
    Exception unavailable = new ServiceRequestException("The request failed. The remote server returned an error: (503)Service Unavailable");
    assertThat(EwsErrors.translate(unavailable, "a@x.com", "GetFolder").error()).isEqualTo(MailboxError.THROTTLED);
    assertThat(EwsErrors.httpStatus(new IllegalStateException("no status here"))).isEmpty();
  }

  @Test
  void everyErrorCodeTheEngineCaresAboutHasItsName() {
    assertThat(EwsErrors.named(ServiceError.ErrorImpersonateUserDenied)).isEqualTo(MailboxError.IMPERSONATION_DENIED);
    assertThat(EwsErrors.named(ServiceError.ErrorNonExistentMailbox)).isEqualTo(MailboxError.MAILBOX_NOT_FOUND);
    assertThat(EwsErrors.named(ServiceError.ErrorFolderNotFound)).isEqualTo(MailboxError.FOLDER_MISSING);
    assertThat(EwsErrors.named(ServiceError.ErrorItemNotFound)).isEqualTo(MailboxError.ITEM_NOT_FOUND);
    assertThat(EwsErrors.named(ServiceError.ErrorPropertyValidationFailure)).isEqualTo(MailboxError.INVALID_PROPERTY_VALUE);
    assertThat(EwsErrors.named(ServiceError.ErrorIrresolvableConflict)).isEqualTo(MailboxError.CONFLICT);
    assertThat(EwsErrors.named(ServiceError.ErrorInvalidSyncStateData)).isEqualTo(MailboxError.INVALID_SYNC_STATE);
    assertThat(EwsErrors.named(ServiceError.ErrorAccessDenied)).isEqualTo(MailboxError.UNEXPECTED);
    for (MailboxError e : MailboxError.values()) {
      assertThat(e.suggestion()).as(e.name()).isNotBlank();
      assertThat(e.code()).startsWith("EXCHANGE_");
    }
  }
}
