package com.exchangesync.worker.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;

/**
 * The log events of a logger and its children while open, each with its MDC and caller data taken at once
 * (a plain {@link ListAppender} would read the MDC only when asked, after the work cleared it).
 */
public final class CapturedLogs implements AutoCloseable {

  private final Logger logger;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>() {
    @Override
    protected void append(ILoggingEvent event) {
      event.prepareForDeferredProcessing();
      super.append(event);
    }
  };

  private CapturedLogs(String name) {
    logger = (Logger) LoggerFactory.getLogger(name);
    appender.setContext(logger.getLoggerContext());
    appender.start();
    logger.addAppender(appender);
  }

  /** Captures what {@code loggerName} and the loggers under it log, until closed. */
  public static CapturedLogs of(String loggerName) {
    return new CapturedLogs(loggerName);
  }

  /** The events so far, in order. */
  public List<ILoggingEvent> events() {
    synchronized (appender) {
      return List.copyOf(appender.list);
    }
  }

  /** {@code event} as the worker's own {@code logback.xml} pattern prints it (tests run with the test kit's). */
  public static String asTheWorkerPrints(ILoggingEvent event) {
    PatternLayout layout = new PatternLayout();
    layout.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
    layout.setPattern(workerPattern());
    layout.start();
    return layout.doLayout(event);
  }

  private static String workerPattern() {
    try (InputStream in = CapturedLogs.class.getClassLoader().getResourceAsStream("logback.xml")) {
      if (in == null) {
        throw new IllegalStateException("the worker's logback.xml is not on the class path");
      }
      Matcher m = Pattern.compile("<pattern>(.*?)</pattern>").matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      if (!m.find()) {
        throw new IllegalStateException("the worker's logback.xml has no <pattern>");
      }
      return m.group(1);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    appender.stop();
  }
}
