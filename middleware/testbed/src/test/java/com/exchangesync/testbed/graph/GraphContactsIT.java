package com.exchangesync.testbed.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.misc.ConnectingIdType;
import microsoft.exchange.webservices.data.core.enumeration.misc.ExchangeVersion;
import microsoft.exchange.webservices.data.core.enumeration.property.EmailAddressKey;
import microsoft.exchange.webservices.data.core.enumeration.property.MapiPropertyType;
import microsoft.exchange.webservices.data.core.service.item.Contact;
import microsoft.exchange.webservices.data.core.service.item.Item;
import microsoft.exchange.webservices.data.credential.WebCredentials;
import microsoft.exchange.webservices.data.misc.ImpersonatedUserId;
import microsoft.exchange.webservices.data.property.complex.EmailAddress;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import microsoft.exchange.webservices.data.property.definition.ExtendedPropertyDefinition;
import microsoft.exchange.webservices.data.search.FindItemsResults;
import microsoft.exchange.webservices.data.search.ItemView;
import microsoft.exchange.webservices.data.search.filter.SearchFilter;
import org.junit.jupiter.api.Test;

/** Contact folders and contacts through Graph, and the one store they share with EWS and the admin API. */
class GraphContactsIT extends GraphTestbedSupport {

  private static final String SERVICE = "svc@corp.example.com";
  private static final String PASSWORD = "S3rvice!pass";

  private String syncFolder() throws Exception {
    JsonObject folder = post("/users/" + ANN + "/contactFolders", new JsonObject().put("displayName", "Salesforce_Sync"));
    assertThat(folder.getString("displayName")).isEqualTo("Salesforce_Sync");
    assertThat(folder.getString("parentFolderId")).isNotBlank();
    return folder.getString("id");
  }

  @Test
  void folderMadeThroughGraph_isTheSubfolderTheAdminApiNames_andItsContactsMapFieldForField() throws Exception {
    String folder = syncFolder();
    graphError(call(HttpMethod.POST, "/users/" + ANN + "/contactFolders", new JsonObject().put("displayName", "salesforce_sync"),
        Map.of()), 409, "ErrorFolderExists");
    assertThat(okGet("/users/" + ANN + "/contactFolders").getJsonArray("value")).hasSize(1);
    post("/users/" + ANN + "/contactFolders/" + folder + "/childFolders", new JsonObject().put("displayName", "Archive"));
    assertThat(okGet("/users/" + ANN + "/contactFolders/" + folder + "/childFolders").getJsonArray("value").getJsonObject(0)
        .getString("parentFolderId")).isEqualTo(folder);

    sim.createContact(ANN, "Salesforce_Sync", new JsonObject().put("givenName", "Pat").put("surname", "Jones")
        .put("email", "pat@acme.example.com").put("businessPhone", "+1 555 0100").put("companyName", "Acme")
        .put("city", "Boston").put("notes", "met at the fair"));
    JsonObject contact = okGet("/users/" + ANN + "/contactFolders/" + folder + "/contacts").getJsonArray("value").getJsonObject(0);
    assertThat(contact.getString("givenName")).isEqualTo("Pat");
    assertThat(contact.getString("displayName")).isEqualTo("Pat Jones");
    assertThat(contact.getJsonArray("emailAddresses").getJsonObject(0).getString("address")).isEqualTo("pat@acme.example.com");
    assertThat(contact.getJsonArray("businessPhones").stream().toList()).containsExactly("+1 555 0100");
    assertThat(contact.getJsonObject("businessAddress").getString("city")).isEqualTo("Boston");
    assertThat(contact.getString("personalNotes")).isEqualTo("met at the fair");
    assertThat(contact.getString("parentFolderId")).isEqualTo(folder);
    assertThat(contact.getString("@odata.etag")).isEqualTo("W/\"" + contact.getString("changeKey") + "\"");
  }

  @Test
  void contact_createReadUpdateDelete_withEtagsAndExtendedProperties() throws Exception {
    String folder = syncFolder();
    String path = "/users/" + ANN + "/contactFolders/" + folder + "/contacts";
    JsonObject created = post(path, new JsonObject().put("givenName", "Lee").put("surname", "Wong")
        .put("emailAddresses", new JsonArray().add(new JsonObject().put("address", "lee@x.example.com").put("name", "Lee W")))
        .put("businessPhones", new JsonArray().add("+44 20 1234")).put("mobilePhone", "+44 77 1")
        .put("businessAddress", new JsonObject().put("street", "1 Main St").put("postalCode", "N1"))
        .put("singleValueExtendedProperties", new JsonArray().add(new JsonObject().put("id", SF_ID).put("value", "003A"))));
    String id = created.getString("id");
    assertThat(created.containsKey("singleValueExtendedProperties")).isFalse();
    assertThat(created.getJsonArray("emailAddresses").getJsonObject(0).getString("name")).isEqualTo("Lee W");

    String expand = "?$expand=" + enc("singleValueExtendedProperties($filter=id eq '" + SF_ID + "')");
    JsonObject read = okGet("/users/" + ANN + "/contacts/" + id + expand);
    assertThat(read.getJsonArray("singleValueExtendedProperties").getJsonObject(0).getString("value")).isEqualTo("003A");
    JsonObject admin = sim.contacts(ANN, "Salesforce_Sync").getJsonObject(0);
    assertThat(admin.getString("email")).isEqualTo("lee@x.example.com");
    assertThat(admin.getString("businessPhone")).isEqualTo("+44 20 1234");
    assertThat(admin.getJsonArray("extendedProperties").getJsonObject(0).getString("propertySetId")).isEqualTo(PROPERTY_SET);

    String staleEtag = created.getString("@odata.etag");
    JsonObject updated = patch(path + "/" + id, new JsonObject().put("jobTitle", "CTO").put("mobilePhone", null));
    assertThat(updated.getString("jobTitle")).isEqualTo("CTO");
    assertThat(updated.getString("mobilePhone")).isNull();
    assertThat(updated.getString("changeKey")).isNotEqualTo(created.getString("changeKey"));
    graphError(call(HttpMethod.PATCH, path + "/" + id, new JsonObject().put("jobTitle", "CEO"), Map.of("If-Match", staleEtag)),
        412, "ErrorIrresolvableConflict");
    ok(call(HttpMethod.PATCH, path + "/" + id, new JsonObject().put("jobTitle", "CEO"),
        Map.of("If-Match", updated.getString("@odata.etag"))));
    graphError(call(HttpMethod.PATCH, path + "/" + id, new JsonObject().put("favouriteColour", "red"), Map.of()), 400,
        "RequestBodyRead");
    assertThat(okGet(path + "/" + id).getString("jobTitle")).isEqualTo("CEO");

    assertThat(call(HttpMethod.DELETE, path + "/" + id, null, Map.of()).statusCode()).isEqualTo(204);
    graphError(get(path + "/" + id), 404, "ErrorItemNotFound");
    graphError(get("/users/" + ANN + "/contacts/not!an!id"), 400, "ErrorInvalidIdMalformed");
  }

  @Test
  void lists_pageWithNextLinks_filterSelectAndOrder() throws Exception {
    for (int i = 0; i < 12; i++) {
      sim.createContact(ANN, null, new JsonObject().put("givenName", "P" + (char) ('a' + i)).put("surname", "S" + i)
          .put("email", "p" + i + "@x.example.com").put("extendedProperties", new JsonArray().add(new JsonObject()
              .put("propertySetId", PROPERTY_SET).put("name", "SalesforceId").put("value", "003-" + i))));
    }
    JsonObject first = okGet("/users/" + ANN + "/contacts");
    assertThat(first.getJsonArray("value")).hasSize(10);
    JsonObject second = okGet(first.getString("@odata.nextLink"));
    assertThat(second.getJsonArray("value")).hasSize(2);
    assertThat(second.containsKey("@odata.nextLink")).isFalse();
    assertThat(okGet("/users/" + ANN + "/contacts?$top=5").getJsonArray("value")).hasSize(5);

    String byProperty = "?$filter=" + enc("singleValueExtendedProperties/Any(ep: ep/id eq '" + SF_ID.replace(PROPERTY_SET,
        PROPERTY_SET.toUpperCase()) + "' and ep/value eq '003-7')");
    JsonArray found = okGet("/users/" + ANN + "/contacts" + byProperty).getJsonArray("value");
    assertThat(found).hasSize(1);
    assertThat(found.getJsonObject(0).getString("surname")).isEqualTo("S7");
    JsonArray byEmail = okGet("/users/" + ANN + "/contacts?$filter=" + enc("emailAddresses/any(a:a/address eq 'P3@X.example.com')"))
        .getJsonArray("value");
    assertThat(byEmail).singleElement().satisfies(c -> assertThat(((JsonObject) c).getString("givenName")).isEqualTo("Pd"));
    JsonObject selected = okGet("/users/" + ANN + "/contacts?$select=surname&$orderby=" + enc("surname desc") + "&$top=1")
        .getJsonArray("value").getJsonObject(0);
    assertThat(selected.fieldNames()).containsExactlyInAnyOrder("@odata.etag", "id", "surname");
    assertThat(selected.getString("surname")).isEqualTo("S9");
    graphError(get("/users/" + ANN + "/contacts?$filter=" + enc("surname startswith 'S'")), 400, "ErrorInvalidUrlQueryFilter");
    graphError(get("/users/" + ANN + "/contacts?$select=favouriteColour"), 400, "BadRequest");
  }

  @Test
  void sharedStore_anEwsContactIsFoundThroughGraph_andAGraphContactThroughEws() throws Exception {
    sim.serviceAccount(SERVICE, PASSWORD, List.of(ANN));
    ExchangeService ews = ews(ANN);
    ExtendedPropertyDefinition sfId = new ExtendedPropertyDefinition(UUID.fromString(PROPERTY_SET), "SalesforceId",
        MapiPropertyType.String);
    String folder = syncFolder();
    Contact viaEws = new Contact(ews);
    viaEws.setGivenName("Ewa");
    viaEws.setSurname("Ews");
    viaEws.getEmailAddresses().setEmailAddress(EmailAddressKey.EmailAddress1, new EmailAddress("ewa@x.example.com"));
    viaEws.setExtendedProperty(sfId, "003EWS");
    viaEws.save(new FolderId(folder));

    JsonArray found = okGet("/users/" + ANN + "/contactFolders/" + folder + "/contacts?$filter="
        + enc("singleValueExtendedProperties/Any(ep: ep/id eq '" + SF_ID + "' and ep/value eq '003EWS')")).getJsonArray("value");
    assertThat(found).singleElement().satisfies(c -> {
      assertThat(((JsonObject) c).getString("id")).isEqualTo(viaEws.getId().getUniqueId());
      assertThat(((JsonObject) c).getJsonArray("emailAddresses").getJsonObject(0).getString("address")).isEqualTo("ewa@x.example.com");
    });

    post("/users/" + ANN + "/contactFolders/" + folder + "/contacts", new JsonObject().put("givenName", "Greta").put("surname", "Graph")
        .put("singleValueExtendedProperties", new JsonArray().add(new JsonObject().put("id", SF_ID).put("value", "003GRAPH"))));
    FindItemsResults<Item> viaGraph = ews.findItems(new FolderId(folder), new SearchFilter.IsEqualTo(sfId, "003GRAPH"), new ItemView(10));
    assertThat(viaGraph.getItems()).singleElement().satisfies(i -> assertThat(((Contact) i).getSurname()).isEqualTo("Graph"));
    assertThat(sim.stats().getJsonObject("calls").containsKey("contacts.create")).isFalse();
    assertThat(graphStats().getJsonObject("calls").getLong("contacts.create")).isEqualTo(1L);
  }

  @Test
  void permissionsAndMailboxScope_refuseAsExchangeOnlineDoes() throws Exception {
    graphError(get("/users/" + EVE + "/contacts"), 403, "ErrorAccessDenied");
    assertThat(graphError(get("/users/nobody@corp.example.com/contacts"), 404, "ErrorInvalidUser").getString("message"))
        .isEqualTo("The requested user 'nobody@corp.example.com' is invalid.");
    await(web.postAbs(exchange.baseUrl() + "/sim/mailboxes").sendJsonObject(new JsonObject().put("smtp", "hybrid@corp.example.com")
        .put("onPremises", true)));
    registerApp(List.of("Contacts.ReadWrite"), "*");
    graphError(get("/users/hybrid@corp.example.com/contacts"), 404, "MailboxNotEnabledForRESTAPI");
    ok(get("/users/" + EVE + "/contacts"));
    graphError(get("/users/" + ANN + "/events"), 403, "ErrorAccessDenied");

    registerApp(List.of("Contacts.Read"), "*");
    ok(get("/users/" + ANN + "/contacts"));
    assertThat(graphError(call(HttpMethod.POST, "/users/" + ANN + "/contacts", new JsonObject().put("surname", "X"), Map.of()),
        403, "ErrorAccessDenied").getString("message")).isEqualTo("Access is denied. Check credentials and try again.");
    graphError(get("/users/" + ANN + "/mailFolders"), 400, "BadRequest");
    graphError(get("/me/contacts"), 400, "BadRequest");
  }

  @Test
  void rbacForApplications_withoutEntraConsent_reachesTheScopesMailboxes_andNoneInTheToken() throws Exception {
    registerApp(List.of(), "*", new JsonArray()
        .add(new JsonObject().put("role", "Application Contacts.ReadWrite").put("mailboxes", new JsonArray().add(ANN)))
        .add(new JsonObject().put("role", "Application Calendars.Read").put("mailboxes", new JsonArray().add(ANN).add(BOB))));
    token = secretToken();
    assertThat(com.nimbusds.jwt.SignedJWT.parse(token).getJWTClaimsSet().getClaim("roles"))
        .as("Exchange checks RBAC for Applications at each request; Entra ID puts no roles in the token").isNull();

    post("/users/" + ANN + "/contacts", new JsonObject().put("surname", "Scoped"));
    ok(get("/users/" + ANN + "/calendar"));
    ok(get("/users/" + BOB + "/events"));
    graphError(get("/users/" + BOB + "/contacts"), 403, "ErrorAccessDenied");
    graphError(call(HttpMethod.POST, "/users/" + BOB + "/events", new JsonObject().put("subject", "X"), Map.of()), 403,
        "ErrorAccessDenied");
    graphError(get("/users/" + EVE + "/calendar"), 403, "ErrorAccessDenied");
    graphError(get("/users/nobody@corp.example.com/contacts"), 404, "ErrorInvalidUser");

    registerApp(List.of("Calendars.ReadWrite"), new JsonArray().add(EVE), new JsonArray()
        .add(new JsonObject().put("role", "Application Contacts.ReadWrite").put("mailboxes", new JsonArray().add(ANN))));
    ok(get("/users/" + EVE + "/calendar"));
    graphError(get("/users/" + BOB + "/calendar"), 403, "ErrorAccessDenied");
    graphError(get("/users/" + EVE + "/contacts"), 403, "ErrorAccessDenied");
  }

  private ExchangeService ews(String smtp) throws Exception {
    ExchangeService service = new ExchangeService(ExchangeVersion.Exchange2010_SP2);
    service.setCredentials(new WebCredentials(SERVICE, PASSWORD));
    service.setUrl(new URI(exchange.ewsUrl()));
    service.setImpersonatedUserId(new ImpersonatedUserId(ConnectingIdType.SmtpAddress, smtp));
    return service;
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
