package com.exchangesync.worker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerConfigReaderTest {

  private static Map<String, String> valid() {
    Map<String, String> env = new HashMap<>();
    env.put("EXSYNC_DATABASE_URL", "postgresql://exsync:s3cret@db.example.com:5432/exsync");
    env.put("EXSYNC_SF_LOGIN_URL", "https://login.salesforce.com");
    env.put("EXSYNC_SF_USERNAME", "integration@example.com");
    env.put("EXSYNC_SF_PASSWORD", "hunter2TOKEN");
    env.put("EXSYNC_OUTBOUND_TOKEN", "0123456789abcdef0123");
    return env;
  }

  @Test
  void readsEverySetting_withDefaultsForTheOptionalOnes() {
    WorkerConfig config = WorkerConfigReader.read(valid());
    assertThat(config.httpPort()).isEqualTo(8080);
    assertThat(config.pollInterval()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.salesforceNamespace()).isEmpty();
    assertThat(config.ewsUrl()).isEmpty();
    assertThat(config.autodiscoverUrl()).isEmpty();
    assertThat(config.allowInsecureLoopback()).isFalse();
    assertThat(config.salesforcePassword().reveal()).isEqualTo("hunter2TOKEN");
    assertThat(config.outboundToken().matches("0123456789abcdef0123")).isTrue();
  }

  @Test
  void readsTheOptionalSettings_whenGiven() {
    Map<String, String> env = valid();
    env.put("EXSYNC_HTTP_PORT", "0");
    env.put("EXSYNC_SF_NAMESPACE", "exsync");
    env.put("EXSYNC_EWS_URL", "https://mail.example.com/EWS/Exchange.asmx");
    env.put("EXSYNC_AUTODISCOVER_URL", "https://autodiscover.example.com/autodiscover/autodiscover.svc");
    env.put("EXSYNC_POLL_INTERVAL_SECONDS", "15");
    WorkerConfig config = WorkerConfigReader.read(env);
    assertThat(config.httpPort()).isZero();
    assertThat(config.salesforceNamespace()).isEqualTo("exsync");
    assertThat(config.ewsUrl()).contains(URI.create("https://mail.example.com/EWS/Exchange.asmx"));
    assertThat(config.autodiscoverUrl()).isPresent();
    assertThat(config.pollInterval()).isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void namesEveryMissingSetting_atOnce() {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> WorkerConfigReader.read(Map.of()));
    assertThat(e.problems()).hasSize(5);
    assertThat(e.getMessage()).contains("EXSYNC_DATABASE_URL", "EXSYNC_SF_LOGIN_URL", "EXSYNC_SF_USERNAME",
        "EXSYNC_SF_PASSWORD", "EXSYNC_OUTBOUND_TOKEN");
  }

  @Test
  void rejectsMalformedValues_withTheFix() {
    Map<String, String> env = valid();
    env.put("EXSYNC_HTTP_PORT", "eighty");
    env.put("EXSYNC_POLL_INTERVAL_SECONDS", "0");
    env.put("EXSYNC_SF_NAMESPACE", "ex__sync");
    env.put("EXSYNC_OUTBOUND_TOKEN", "short");
    env.put("EXSYNC_ALLOW_INSECURE_LOOPBACK", "maybe");
    env.put("EXSYNC_DATABASE_URL", "mysql://x");
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> WorkerConfigReader.read(env));
    assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("EXSYNC_HTTP_PORT must be a whole number"))
        .anySatisfy(p -> assertThat(p).contains("EXSYNC_POLL_INTERVAL_SECONDS must be between 1"))
        .anySatisfy(p -> assertThat(p).contains("EXSYNC_SF_NAMESPACE"))
        .anySatisfy(p -> assertThat(p).contains("at least 16 characters"))
        .anySatisfy(p -> assertThat(p).contains("EXSYNC_ALLOW_INSECURE_LOOPBACK must be true or false"))
        .anySatisfy(p -> assertThat(p).contains("must start with postgresql://"));
  }

  @Test
  void neverEchoesASecret_inItsMessages() {
    Map<String, String> env = valid();
    env.put("EXSYNC_OUTBOUND_TOKEN", "tiny");
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> WorkerConfigReader.read(env));
    assertThat(e.getMessage()).doesNotContain("tiny");
    WorkerConfig config = WorkerConfigReader.read(valid());
    assertThat(config.toString()).doesNotContain("hunter2TOKEN").doesNotContain("0123456789abcdef0123");
    assertThat(config.databaseUrlForLogs()).doesNotContain("s3cret").contains("exsync:***@db.example.com");
  }

  @Test
  void refusesPlainHttp_unlessToLoopbackAndAllowed() {
    Map<String, String> env = valid();
    env.put("EXSYNC_EWS_URL", "http://127.0.0.1:9000/EWS/Exchange.asmx");
    assertThatThrownBy(() -> WorkerConfigReader.read(env)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("EXSYNC_ALLOW_INSECURE_LOOPBACK=true");
    env.put("EXSYNC_ALLOW_INSECURE_LOOPBACK", "true");
    assertThat(WorkerConfigReader.read(env).ewsUrl()).contains(URI.create("http://127.0.0.1:9000/EWS/Exchange.asmx"));
    env.put("EXSYNC_SF_LOGIN_URL", "http://login.example.com");
    assertThatThrownBy(() -> WorkerConfigReader.read(env)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("EXSYNC_SF_LOGIN_URL must use https");
  }
}
