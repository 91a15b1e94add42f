package com.exchangesync.worker.push;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;

/**
 * What a push listener needs besides its connector: where changes go, the worker's public URL (where Microsoft
 * Graph posts notifications; none: Exchange Online is polled), the Graph subscriptions the workers made, and
 * the time.
 */
public record PushContext(ChangeSink sink, Optional<URI> publicUrl, GraphSubscriptionRows graphSubscriptions, Clock clock) {}
