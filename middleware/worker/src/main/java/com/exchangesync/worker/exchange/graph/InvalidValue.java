package com.exchangesync.worker.exchange.graph;

/** A value that cannot be written: fails that one item, never the batch. */
final class InvalidValue extends IllegalArgumentException {

  InvalidValue(String message) {
    super(message);
  }
}
