package com.exchangesync.worker.retry;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates that are never sent twice blindly. A create whose answer was lost
 * ({@link AnswerLostException}: a 502/503/504 a proxy gave after the server may
 * have done the work, a connection closed before the answer) may have been
 * carried out. So before it is sent again, the items are looked for by the key
 * this product stamped on each (the Salesforce id as our extended property on
 * an Exchange item, the creation key on a Salesforce record): those found are
 * taken as created, and only the others are sent again. A create that was
 * refused whole (throttled, locked) is the transport's to repeat, never this
 * class's: those answers are not lost.
 *
 * <p>Every item must carry a key; a caller with keyless items sends them once
 * and lets a lost answer fail the call (the next pass finds what was made).
 *
 * @param <I> an item to create
 * @param <R> the result of one item's create
 * @param <E> the transport's failure
 */
public final class RetriedCreates<I, R, E extends Exception> {

  private static final Logger LOG = LoggerFactory.getLogger(RetriedCreates.class);

  /** Sends one create call: a result per item, in order, null where that item's answer was lost; throws when the whole answer was. */
  @FunctionalInterface
  public interface Send<I, R, E extends Exception> {
    List<R> send(List<I> items) throws AnswerLostException, E;
  }

  /** Looks the items up by their keys: a result per item, in order, null where none was found. */
  @FunctionalInterface
  public interface Find<I, R, E extends Exception> {
    List<R> find(List<I> items) throws E;
  }

  /** Waits before looking after attempt {@code attempt} (from 1): a proxy that timed out may still be passing the write on. */
  @FunctionalInterface
  public interface Pause<E extends Exception> {
    void pause(int attempt) throws E;
  }

  /** The failure once the last attempt's answer was lost too. */
  @FunctionalInterface
  public interface GiveUp<E extends Exception> {
    E giveUp(String message, AnswerLostException last);
  }

  private final String what;
  private final int maxAttempts;
  private final Send<I, R, E> send;
  private final Find<I, R, E> find;
  private final Pause<E> pause;
  private final GiveUp<E> giveUp;

  /**
   * @param what the call and where, for logs and messages ({@code CreateItem for ann@corp.example.com})
   * @param maxAttempts the most create calls for one item
   */
  public RetriedCreates(String what, int maxAttempts, Send<I, R, E> send, Find<I, R, E> find, Pause<E> pause, GiveUp<E> giveUp) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    this.what = Objects.requireNonNull(what);
    this.maxAttempts = maxAttempts;
    this.send = Objects.requireNonNull(send);
    this.find = Objects.requireNonNull(find);
    this.pause = Objects.requireNonNull(pause);
    this.giveUp = Objects.requireNonNull(giveUp);
  }

  /** Creates {@code items}; one result per item, in order, each either the create's answer or the item found by its key. */
  public List<R> create(List<I> items) throws E {
    List<R> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      out.add(null);
    }
    List<Integer> pending = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      pending.add(i);
    }
    for (int attempt = 1; !pending.isEmpty(); attempt++) {
      List<Integer> lost = new ArrayList<>();
      AnswerLostException why;
      try {
        List<R> results = send.send(pending.stream().map(items::get).toList());
        if (results.size() != pending.size()) {
          throw new IllegalStateException(what + " answered " + results.size() + " results for " + pending.size() + " items");
        }
        for (int k = 0; k < pending.size(); k++) {
          if (results.get(k) == null) {
            lost.add(pending.get(k));
          } else {
            out.set(pending.get(k), results.get(k));
          }
        }
        why = new AnswerLostException(what + ": the answers for " + lost.size() + " of " + pending.size() + " items were lost", null);
      } catch (AnswerLostException e) {
        lost = pending;
        why = e;
      }
      if (lost.isEmpty()) {
        break;
      }
      if (attempt >= maxAttempts) {
        throw giveUp.giveUp(what + ": the answer was lost " + attempt + " times (" + why.getMessage() + "); the next pass"
            + " looks for the items by their keys before making any", why);
      }
      pause.pause(attempt);
      List<R> found = find.find(lost.stream().map(items::get).toList());
      if (found.size() != lost.size()) {
        throw new IllegalStateException(what + ": the lookup answered " + found.size() + " results for " + lost.size() + " items");
      }
      List<Integer> again = new ArrayList<>();
      for (int k = 0; k < lost.size(); k++) {
        if (found.get(k) == null) {
          again.add(lost.get(k));
        } else {
          out.set(lost.get(k), found.get(k));
        }
      }
      LOG.warn("{}: the answer was lost ({}); {} of {} items were made all the same and are taken as created, {} sent again",
          what, why.getMessage(), lost.size() - again.size(), lost.size(), again.size());
      pending = again;
    }
    return out;
  }
}
