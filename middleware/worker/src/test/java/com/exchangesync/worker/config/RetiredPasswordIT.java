package com.exchangesync.worker.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.worker.crash.WorkerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker as it runs in production (the shaded jar), started with the configuration of before OAuth. */
class RetiredPasswordIT {

  @TempDir
  Path dir;

  @Test
  void aWorkerConfiguredWithAPassword_stopsAtOnce_withAMessageThatSaysWhatReplacedIt() throws Exception {
    Path log = dir.resolve("worker.log");
    WorkerProcess worker = WorkerProcess.start(Map.of(
        "EXSYNC_DATABASE_URL", "postgresql://exsync@127.0.0.1:1/none",
        "EXSYNC_SF_LOGIN_URL", "https://login.salesforce.com",
        "EXSYNC_SF_USERNAME", "integration@example.com",
        "EXSYNC_SF_PASSWORD", "hunter2TOKEN",
        "EXSYNC_OUTBOUND_TOKEN", "0123456789abcdef0123"), log);

    assertThat(worker.await(60)).as("exit code of a refused configuration").isEqualTo(2);
    String output = Files.readString(log);
    assertThat(output).contains("EXSYNC_SF_PASSWORD is no longer read").contains("SOAP login()")
        .contains("EXSYNC_SF_CLIENT_ID with EXSYNC_SF_USERNAME and EXSYNC_SF_PRIVATE_KEY_FILE (JWT bearer flow)")
        .contains("EXSYNC_SF_CLIENT_SECRET (client credentials flow)").doesNotContain("hunter2TOKEN").doesNotContain("READY");
  }
}
