package com.exchangesync.worker.cycle;

import com.exchangesync.worker.config.Secret;
import com.exchangesync.worker.exchange.MailboxConnector;
import java.util.Objects;
import java.util.function.Function;

/**
 * The one connector kept for an org between cycles: made anew, and the old one
 * closed, when what it is made from (its key, or the secret beside it) changes.
 */
final class KeptConnector {

  private String key;
  private Secret secret;
  private MailboxConnector connector;

  synchronized MailboxConnector get(String newKey, Secret newSecret, Function<String, MailboxConnector> make) {
    if (connector == null || !newKey.equals(key) || !Objects.equals(newSecret, secret)) {
      if (connector instanceof AutoCloseable old) {
        try {
          old.close();
        } catch (Exception e) {
          // the old connector's HTTP client closing: nothing of it is used again
        }
      }
      connector = make.apply(newKey);
      key = newKey;
      secret = newSecret;
    }
    return connector;
  }
}
