package com.exchangesync.testbed.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The schema check bites: a response in the wrong element order fails, the right one passes. */
class EwsSchemaValidatorTest {

  private static final String OPEN = "<m:GetItemResponse xmlns:m=\"" + Xml.MESSAGES + "\" xmlns:t=\"" + Xml.TYPES + "\"><m:ResponseMessages>"
      + "<m:GetItemResponseMessage ResponseClass=\"Success\"><m:ResponseCode>NoError</m:ResponseCode><m:Items><t:Contact>"
      + "<t:ItemId Id=\"AAMk\" ChangeKey=\"CQ\"/>";
  private static final String CLOSE = "</t:Contact></m:Items></m:GetItemResponseMessage></m:ResponseMessages></m:GetItemResponse>";

  @Test
  void elementOrderMatters() {
    Optional<Path> dir = EwsSchemaValidator.configuredDirectory();
    assumeTrue(dir.isPresent(), "NOTICE: no EWS schema directory; this check needs ../shared/ews-schema");
    EwsSchemaValidator schema = EwsSchemaValidator.load(dir.get());
    String right = OPEN + "<t:GivenName>Ann</t:GivenName><t:Surname>Lee</t:Surname>" + CLOSE;
    String wrong = OPEN + "<t:Surname>Lee</t:Surname><t:GivenName>Ann</t:GivenName>" + CLOSE;
    assertThat(schema.checkBody(Xml.parse(EwsResponses.envelope(right).getBytes(StandardCharsets.UTF_8)))).isEmpty();
    assertThat(schema.checkBody(Xml.parse(EwsResponses.envelope(wrong).getBytes(StandardCharsets.UTF_8))))
        .hasValueSatisfying(v -> assertThat(v).contains("GivenName"));
  }
}
