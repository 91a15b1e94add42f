package com.exchangesync.worker.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void doublesFromTheBase_withJitterInTheUpperHalf_upToTheCap() {
    Backoff low = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 0);
    Backoff high = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 0.999_999);

    assertThat(low.delay(1)).isEqualTo(Duration.ofMillis(500));
    assertThat(high.delay(1)).isBetween(Duration.ofMillis(999), Duration.ofSeconds(1));
    assertThat(low.delay(3)).isEqualTo(Duration.ofSeconds(2));
    assertThat(high.delay(3)).isBetween(Duration.ofMillis(3_999), Duration.ofSeconds(4));
    assertThat(low.delay(10)).isEqualTo(Duration.ofSeconds(15));
    assertThat(high.delay(100)).isBetween(Duration.ofMillis(29_999), Duration.ofSeconds(30));
  }
}
