package com.exchangesync.worker.config;

import java.util.List;

/** The configuration cannot be used; the message lists every problem, one per line. */
public final class ConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  /** Collects the problems found. */
  public ConfigException(List<String> problems) {
    super("The worker's configuration has " + problems.size() + " problem(s):\n  - " + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem, naming its variable and the fix. */
  public List<String> problems() {
    return problems;
  }
}
