package com.exchangesync.worker.logging;

import com.exchangesync.worker.exchange.ItemKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.MDC;

/**
 * What the log lines of the current thread are about: the org, the rep (Salesforce user id and email) and
 * the item kind, kept in SLF4J's MDC. Each key is also a field of its own for structured logging, and
 * {@value #CONTEXT} holds them all as one text, {@code [org=… rep=… <email> kind=…] }, that the log
 * pattern prints before the message (nothing when no context is set).
 *
 * <p>Open a scope around the work and close it after (try-with-resources); scopes nest, and closing one
 * restores what its opening replaced. Only ids, addresses and kinds go here: never a secret or a token.
 */
public final class LogContext {

  /** The Salesforce org id. */
  public static final String ORG = "org";
  /** The rep's Salesforce user id. */
  public static final String REP = "rep";
  /** The rep's email (their mailbox). */
  public static final String EMAIL = "email";
  /** The item kind: {@code contacts}, {@code events}, or several joined by a comma for the rep as a whole. */
  public static final String KIND = "kind";
  /** All of the above as one bracketed text, for the log pattern. */
  public static final String CONTEXT = "context";

  private static final List<String> KEYS = List.of(ORG, REP, EMAIL, KIND);

  private LogContext() {}

  /** Lines about the org {@code orgId}, until the scope closes. */
  public static Scope org(String orgId) {
    return put(Map.of(ORG, orgId));
  }

  /** Lines about the rep with user id {@code userId} and mailbox {@code email}, until the scope closes. */
  public static Scope rep(String userId, String email) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put(REP, userId);
    values.put(EMAIL, email);
    return put(values);
  }

  /** Lines about the item kind {@code kind}, until the scope closes. */
  public static Scope kind(ItemKind kind) {
    return put(Map.of(KIND, kindName(kind)));
  }

  /** Lines about several kinds at once (the rep as a whole: leasing, opening the mailbox), until the scope closes. */
  public static Scope kinds(List<ItemKind> kinds) {
    return put(Map.of(KIND, String.join(",", kinds.stream().map(LogContext::kindName).toList())));
  }

  /** A kind's name as logs, readiness and metrics show it: {@code contacts} or {@code events}. */
  public static String kindName(ItemKind kind) {
    return switch (kind) {
      case CONTACT -> "contacts";
      case EVENT -> "events";
    };
  }

  private static Scope put(Map<String, String> values) {
    Map<String, String> previous = new LinkedHashMap<>();
    values.forEach((key, value) -> {
      previous.put(key, MDC.get(key));
      set(key, value);
    });
    previous.put(CONTEXT, MDC.get(CONTEXT));
    set(CONTEXT, summary());
    return new Scope(previous);
  }

  private static void set(String key, String value) {
    if (value == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, value);
    }
  }

  /** {@code [org=… rep=… <email> kind=…] } from the keys set, or null when none is. */
  private static String summary() {
    List<String> parts = new ArrayList<>();
    for (String key : KEYS) {
      String value = MDC.get(key);
      if (value == null) {
        continue;
      }
      if (key.equals(EMAIL)) {
        parts.add("<" + value + ">");
      } else {
        parts.add(key + "=" + value);
      }
    }
    return parts.isEmpty() ? null : "[" + String.join(" ", parts) + "] ";
  }

  /** An open context; closing it puts back what it replaced. */
  public static final class Scope implements AutoCloseable {

    private final Map<String, String> previous;

    private Scope(Map<String, String> previous) {
      this.previous = previous;
    }

    @Override
    public void close() {
      previous.forEach(LogContext::set);
    }
  }
}
