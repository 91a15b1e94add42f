package com.exchangesync.worker.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class TransportPolicyTest {

  @Test
  void allowsHttpsAnywhere() {
    assertThat(TransportPolicy.problemWith(URI.create("https://mail.example.com/EWS/Exchange.asmx"), false)).isNull();
  }

  @Test
  void allowsHttpOnlyToLoopbackLiterals_whenAllowed() {
    for (String url : new String[] {"http://127.0.0.1:8080/x", "http://127.8.9.10/x", "http://localhost:1/x", "http://[::1]:80/x"}) {
      assertThat(TransportPolicy.problemWith(URI.create(url), true)).as(url).isNull();
      assertThat(TransportPolicy.problemWith(URI.create(url), false)).as(url).contains("EXSYNC_ALLOW_INSECURE_LOOPBACK");
    }
  }

  @Test
  void refusesHttpToAnyOtherHost_evenWhenAllowed() {
    for (String url : new String[] {"http://10.0.0.1/x", "http://mail.example.com/x", "http://127.0.0.1.evil.com/x", "http://[::2]/x"}) {
      assertThat(TransportPolicy.problemWith(URI.create(url), true)).as(url).contains("must use https");
    }
  }

  @Test
  void refusesOtherSchemesAndRelativeUrls() {
    assertThat(TransportPolicy.problemWith(URI.create("ftp://mail.example.com/x"), true)).contains("must use https");
    assertThat(TransportPolicy.problemWith(URI.create("/EWS/Exchange.asmx"), true)).contains("absolute URL");
  }
}
