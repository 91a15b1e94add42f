package com.exchangesync.worker.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.exchangesync.worker.exchange.ItemKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

class LogContextTest {

  private static final Logger LOG = LoggerFactory.getLogger(LogContextTest.class);

  @Test
  void scopesNest_andClosingOnePutsBackWhatItReplaced() {
    try (LogContext.Scope org = LogContext.org("00D5g0000012345EAA")) {
      assertThat(MDC.get(LogContext.CONTEXT)).isEqualTo("[org=00D5g0000012345EAA] ");
      try (LogContext.Scope rep = LogContext.rep("0055g00000ANNRPAAX", "ann@corp.example.com");
           LogContext.Scope kinds = LogContext.kinds(List.of(ItemKind.CONTACT, ItemKind.EVENT))) {
        assertThat(MDC.get(LogContext.KIND)).isEqualTo("contacts,events");
        try (LogContext.Scope kind = LogContext.kind(ItemKind.EVENT)) {
          assertThat(MDC.get(LogContext.CONTEXT))
              .isEqualTo("[org=00D5g0000012345EAA rep=0055g00000ANNRPAAX <ann@corp.example.com> kind=events] ");
        }
        assertThat(MDC.get(LogContext.KIND)).isEqualTo("contacts,events");
      }
      assertThat(MDC.get(LogContext.REP)).isNull();
      assertThat(MDC.get(LogContext.EMAIL)).isNull();
      assertThat(MDC.get(LogContext.KIND)).isNull();
      assertThat(MDC.get(LogContext.CONTEXT)).isEqualTo("[org=00D5g0000012345EAA] ");
    }
    assertThat(MDC.getCopyOfContextMap()).doesNotContainKeys(LogContext.ORG, LogContext.CONTEXT);
  }

  @Test
  void theWorkersPattern_printsWhatALineIsAbout_beforeItsMessage_andNothingWithoutContext() {
    try (CapturedLogs logs = CapturedLogs.of(LogContextTest.class.getName())) {
      LOG.info("no context");
      try (LogContext.Scope org = LogContext.org("00D5g0000012345EAA");
           LogContext.Scope rep = LogContext.rep("0055g00000ANNRPAAX", "ann@corp.example.com");
           LogContext.Scope kind = LogContext.kind(ItemKind.CONTACT)) {
        LOG.warn("a pass failed", new IllegalStateException("boom"));
      }
      List<ILoggingEvent> events = logs.events();
      assertThat(CapturedLogs.asTheWorkerPrints(events.get(0))).endsWith(" - no context" + System.lineSeparator());
      String failure = CapturedLogs.asTheWorkerPrints(events.get(1));
      assertThat(failure).contains(" - [org=00D5g0000012345EAA rep=0055g00000ANNRPAAX <ann@corp.example.com> kind=contacts]"
          + " a pass failed");
      // The stack trace follows the line.
      assertThat(failure).contains("java.lang.IllegalStateException: boom").contains("\tat com.exchangesync.worker.logging");
    }
  }
}
