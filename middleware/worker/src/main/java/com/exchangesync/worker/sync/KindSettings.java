package com.exchangesync.worker.sync;

import java.util.List;
import java.util.Optional;

/**
 * A configuration's settings for one kind turned into what a pass needs, or the
 * problems that prevent it. Problems that only leave something out (a bad
 * mapping row) come with a context; problems that would sync what the admin
 * meant to keep out (an unreadable filter) come without one.
 */
public record KindSettings(Optional<RepContext> context, List<String> problems) {

  public KindSettings {
    problems = List.copyOf(problems);
  }
}
