package com.exchangesync.testbed.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.PropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.EmailAddressKey;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.enumeration.service.SyncFolderItemsScope;
import microsoft.exchange.webservices.data.core.service.item.Contact;
import microsoft.exchange.webservices.data.property.complex.EmailAddress;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import microsoft.exchange.webservices.data.sync.ChangeCollection;
import microsoft.exchange.webservices.data.sync.ItemChange;
import org.junit.jupiter.api.Test;

/** Many clients at once on one mailbox: every write lands once, and the change feed sees each. */
class EwsConcurrencyIT extends ExchangeTestbedSupport {

  @Test
  void parallelWritersOnOneMailbox_loseNothingAndDuplicateNothing() throws Exception {
    int writers = 8;
    int each = 15;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Future<List<String>>> results = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int writer = w;
      results.add(pool.submit(() -> {
        ExchangeService service = service(ANN); // one service per task: ExchangeService is not thread-safe
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < each; i++) {
          Contact c = new Contact(service);
          c.setSurname("W" + writer + "-" + i);
          c.getEmailAddresses().setEmailAddress(EmailAddressKey.EmailAddress1, new EmailAddress("w" + writer + "." + i + "@x.example.com"));
          c.save(WellKnownFolderName.Contacts);
          ids.add(c.getId().getUniqueId());
        }
        return ids;
      }));
    }
    Set<String> created = new HashSet<>();
    for (Future<List<String>> r : results) {
      created.addAll(r.get());
    }
    pool.shutdown();
    assertThat(created).hasSize(writers * each);
    assertThat(sim.contacts(ANN, null)).hasSize(writers * each);

    Set<String> reported = new HashSet<>();
    String state = null;
    boolean more = true;
    ExchangeService reader = service(ANN);
    while (more) {
      ChangeCollection<ItemChange> page = reader.syncFolderItems(new FolderId(WellKnownFolderName.Contacts), PropertySet.IdOnly,
          null, 50, SyncFolderItemsScope.NormalItems, state);
      for (ItemChange c : page) {
        assertThat(reported.add(c.getItemId().getUniqueId())).as("reported once").isTrue();
      }
      state = page.getSyncState();
      more = page.getMoreChangesAvailable();
    }
    assertThat(reported).isEqualTo(created);
  }
}
