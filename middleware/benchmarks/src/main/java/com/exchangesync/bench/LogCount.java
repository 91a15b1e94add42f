package com.exchangesync.bench;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.FileAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;

/**
 * The worker's log moved from the console to a file, and its lines counted: a benchmark of thousands of mailboxes
 * would otherwise print thousands of lines a cycle among its figures. The lines are still formatted and written, as
 * the hosted worker's are, so their cost stays in what the benchmark measures.
 */
final class LogCount {

  private final Path file;
  private final AtomicLong lines = new AtomicLong();

  private LogCount(Path file) {
    this.file = file;
  }

  /** Sends every log line from now on to a new temporary file, counting them. */
  static LogCount toFile(String prefix) throws IOException {
    Path file = Files.createTempFile(prefix, ".log");
    LogCount count = new LogCount(file);
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.detachAndStopAllAppenders();
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} - %X{context}%msg%n");
    encoder.start();
    FileAppender<ILoggingEvent> toFile = new FileAppender<>();
    toFile.setContext(context);
    toFile.setFile(file.toString());
    toFile.setEncoder(encoder);
    toFile.start();
    AppenderBase<ILoggingEvent> counter = new AppenderBase<>() {
      @Override
      protected void append(ILoggingEvent event) {
        count.lines.incrementAndGet();
      }
    };
    counter.setContext(context);
    counter.start();
    root.addAppender(toFile);
    root.addAppender(counter);
    return count;
  }

  /** Lines logged so far. */
  long lines() {
    return lines.get();
  }

  Path file() {
    return file;
  }
}
