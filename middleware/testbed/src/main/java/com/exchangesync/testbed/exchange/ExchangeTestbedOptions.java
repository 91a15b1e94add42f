package com.exchangesync.testbed.exchange;

import java.time.Clock;

/**
 * How an Exchange test bed runs.
 *
 * @param host the address to listen on (loopback by default)
 * @param port the port, 0 for any free one
 * @param schema when set, every request is validated against the EWS schema
 *     (a violation is answered with {@code ErrorSchemaValidation}, as Exchange
 *     does) and every response too (a violation is recorded, logged and answered
 *     with HTTP 500, so a test cannot miss it)
 * @param clock the time items are stamped with
 * @param streaming Mailbox servers, connection limits and time of streaming notifications
 */
public record ExchangeTestbedOptions(String host, int port, EwsSchemaValidator schema, Clock clock, StreamingOptions streaming) {

  /** Loopback, any free port, no schema checks, the system clock, streaming defaults. */
  public static ExchangeTestbedOptions defaults() {
    return new ExchangeTestbedOptions("127.0.0.1", 0, null, Clock.systemUTC(), StreamingOptions.defaults());
  }

  /** These options on {@code port}. */
  public ExchangeTestbedOptions withPort(int port) {
    return new ExchangeTestbedOptions(host, port, schema, clock, streaming);
  }

  /** These options with schema checks against {@code schema}. */
  public ExchangeTestbedOptions withSchema(EwsSchemaValidator schema) {
    return new ExchangeTestbedOptions(host, port, schema, clock, streaming);
  }

  /** These options with {@code streaming}. */
  public ExchangeTestbedOptions withStreaming(StreamingOptions streaming) {
    return new ExchangeTestbedOptions(host, port, schema, clock, streaming);
  }
}
