package com.exchangesync.testbed.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SyncStateTokenTest {

  @Test
  void aStateDecodesForItsOwnFolderAndGeneration() {
    String state = new SyncStateToken(3, "F1", 42).encode();
    assertThat(SyncStateToken.decode(state, 3, "F1", 50)).isEqualTo(new SyncStateToken(3, "F1", 42));
  }

  @Test
  void anyOtherStateIsInvalidSyncStateData() {
    String state = new SyncStateToken(3, "F1", 42).encode();
    for (Runnable bad : new Runnable[] {
        () -> SyncStateToken.decode(state, 4, "F1", 50),
        () -> SyncStateToken.decode(state, 3, "F2", 50),
        () -> SyncStateToken.decode(state, 3, "F1", 41),
        () -> SyncStateToken.decode("garbage!", 3, "F1", 50),
        () -> SyncStateToken.decode("", 3, "F1", 50)}) {
      assertThatThrownBy(bad::run).isInstanceOfSatisfying(ResponseMessageError.class,
          e -> assertThat(e.code).isEqualTo("ErrorInvalidSyncStateData"));
    }
  }
}
