package com.exchangesync.worker.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OutboundEnvelopeParserTest {

  private final OutboundEnvelopeParser parser = new OutboundEnvelopeParser();

  private OutboundMessage parse(String xml) throws EnvelopeRejectedException {
    return parser.parse(xml.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsOrganizationActionAndEveryNotificationWithItsFields() throws Exception {
    OutboundMessage m = parse(Envelopes.contacts(Envelopes.ORG, List.of("04l000000000001AAA", "04l000000000002AAA")));

    assertThat(m.organizationId()).isEqualTo(Envelopes.ORG);
    assertThat(m.actionId()).isEqualTo("04k000000000001AAA");
    assertThat(m.partnerUrl()).endsWith("/services/Soap/u/65.0/00D000000000001");
    assertThat(m.notifications()).extracting(OutboundMessage.Notification::id)
        .containsExactly("04l000000000001AAA", "04l000000000002AAA");
    OutboundMessage.Notification first = m.notifications().get(0);
    assertThat(first.objectType()).isEqualTo("Contact");
    assertThat(first.recordId()).isEqualTo("003000000000000");
    assertThat(first.fields()).containsEntry("OwnerId", "005000000000001");
  }

  @Test
  void neverKeepsTheSessionId() throws Exception {
    OutboundMessage m = parse(Envelopes.contacts(Envelopes.ORG, List.of("04l000000000001AAA")));

    assertThat(m.toString()).doesNotContain("SECRETSESSION");
  }

  @Test
  void readsNamespacedCustomObjectTypes_nilFields_andEscapedText() throws Exception {
    String n = "<Notification><Id>04l000000000009AAA</Id>"
        + "<sObject xsi:type=\"sf:exsync__Exchange_Sync_Setup__c\" xmlns:sf=\"urn:sobject.enterprise.soap.sforce.com\">"
        + "<sf:Id>a00000000000001AAA</sf:Id><sf:exsync__Additional_Domains__c xsi:nil=\"true\"/>"
        + "<sf:Name>A &amp; B &lt;c&gt; &#233;</sf:Name></sObject></Notification>";

    OutboundMessage m = parse(Envelopes.envelope(Envelopes.ORG, n));

    OutboundMessage.Notification only = m.notifications().get(0);
    assertThat(only.objectType()).isEqualTo("exsync__Exchange_Sync_Setup__c");
    assertThat(only.fields()).containsEntry("exsync__Additional_Domains__c", null).containsEntry("Name", "A & B <c> é");
  }

  @Test
  void acceptsExactlyOneHundredNotifications_andRejectsMore() throws Exception {
    List<String> hundred = IntStream.range(0, 100).mapToObj(i -> "04l" + String.format("%012d", i)).toList();
    assertThat(parse(Envelopes.contacts(Envelopes.ORG, hundred)).notifications()).hasSize(100);

    List<String> more = new ArrayList<>(hundred);
    more.add("04l999999999999");
    assertThatThrownBy(() -> parse(Envelopes.contacts(Envelopes.ORG, more)))
        .isInstanceOfSatisfying(EnvelopeRejectedException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.reason()).isEqualTo("too_many");
        });
  }

  @Test
  void rejectsAnExternalEntity_withoutReadingTheFile() {
    assertThatThrownBy(() -> parse(Envelopes.externalEntity()))
        .isInstanceOfSatisfying(EnvelopeRejectedException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.reason()).isIn("doctype", "entity", "malformed");
          assertThat(e.getMessage()).doesNotContain("root:");
        });
  }

  @Test
  void rejectsAnEntityExpansionBomb_quickly() {
    long start = System.nanoTime();
    assertThatThrownBy(() -> parse(Envelopes.entityBomb())).isInstanceOf(EnvelopeRejectedException.class);
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
  }

  @Test
  void rejectsAnyDoctype_evenWithoutEntities() {
    String xml = "<?xml version=\"1.0\"?><!DOCTYPE soapenv:Envelope>"
        + Envelopes.contacts(Envelopes.ORG, List.of("04l000000000001AAA")).replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "");
    assertThatThrownBy(() -> parse(xml))
        .isInstanceOfSatisfying(EnvelopeRejectedException.class, e -> assertThat(e.reason()).isEqualTo("doctype"));
  }

  @Test
  void rejectsMalformedXml_otherDocuments_andMissingParts() {
    for (String bad : List.of("", "not xml", "<a><b></a>", "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"/>",
        "<x:Envelope xmlns:x=\"urn:other\"><x:Body/></x:Envelope>",
        Envelopes.envelope("", ""),
        Envelopes.envelope(Envelopes.ORG, "<Notification><Id>04l000000000001AAA</Id></Notification>"))) {
      assertThatThrownBy(() -> parse(bad)).as(bad)
          .isInstanceOfSatisfying(EnvelopeRejectedException.class, e -> assertThat(e.status()).isEqualTo(400));
    }
  }
}
