package com.exchangesync.worker.exchange.ews;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The streaming listener subscribes the mailboxes it is asked to watch now, and keeps nothing for those it no longer watches. */
class EwsStreamingListenerIT {

  private ExchangeTestbedFixture fixture;
  private EwsStreamingListener listener;

  @BeforeEach
  void start() throws Exception {
    fixture = new ExchangeTestbedFixture();
    EwsSettings settings = fixture.autodiscover();
    listener = new EwsStreamingListener(settings, new EwsEndpoints(settings, Clock.systemUTC()), new EwsServiceFactory(settings),
        fixture.stats, (email, kind) -> { });
  }

  @AfterEach
  void stop() throws Exception {
    listener.close();
    fixture.close();
  }

  @Test
  void aMailboxNoLongerWatched_isNoLongerSubscribed_andAutodiscoverIsAskedOncePerMailbox() throws Exception {
    listener.watch(List.of(ExchangeTestbedFixture.ANN, ExchangeTestbedFixture.BOB));
    assertThat(listener.watching()).isEqualTo(2);

    listener.watch(List.of(ExchangeTestbedFixture.ANN));
    assertThat(listener.watching()).as("Bob left").isEqualTo(1);
    assertThat(listener.urlsKept()).as("and his URL is forgotten").isEqualTo(1);
    assertThat(fixture.stats.calls("GetUserSettings")).as("Ann's URL resolved once").isEqualTo(2);
    listener.watch(List.of());
    assertThat(listener.watching()).isZero();
    assertThat(listener.urlsKept()).isZero();
    assertThat(listener.healthy()).as("nothing watched: push is not what finds changes").isFalse();
  }
}
