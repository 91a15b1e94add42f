package com.exchangesync.testbed.salesforce;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sets up a fresh org from the admin API's JSON ({@code POST /sim/org}):
 * {@code {"orgId", "name", "integrationUser": {"username", "password",
 * "securityToken", "id", "email", "name", "profileId", "timeZoneSidKey"}, "users": [{"id",
 * "username", "email", "profileId", "name", "isActive", "password",
 * "securityToken", "timeZoneSidKey"}], "profiles": [{"id", "name"}],
 * "sharing": {"Contact": "Private" | "PublicRead" | "PublicReadWrite", ...},
 * "privateObjects": ["Contact", ...]}}. {@code privateObjects} is shorthand
 * for {@code "Private"} in {@code sharing} (the form the test bed took first);
 * an object in both must be Private in both. A user with a
 * {@code securityToken} logs in from outside the org's trusted IP ranges
 * (see {@link LoginCredential}); one without, from inside them.
 * Every part is optional; ids are generated when absent. The org's own
 * {@code Organization} row carries the org id and name (default
 * {@value #DEFAULT_NAME}). The profiles "System Administrator" and "Standard
 * User" always exist; a profile id a user names and no profile defines is
 * created. Bad input throws with the problem named and leaves the current org
 * as it was.
 */
final class OrgSetup {

  /** The org's name when {@code /sim/org} gives none. */
  static final String DEFAULT_NAME = "Exchange Sync Test Org";

  private OrgSetup() {}

  /** Forgets every row and installs the org {@code spec} describes. */
  static void install(RecordStore store, JsonObject spec) {
    String orgId = id(spec.getString("orgId"), "00D", "orgId");
    String name = spec.getString("name", DEFAULT_NAME);
    if (name.isBlank() || name.length() > Organization.NAME_LENGTH) {
      throw new IllegalArgumentException("name must be 1 to " + Organization.NAME_LENGTH + " characters, not '" + name + "'");
    }
    Instant now = store.now();
    SObjectType profileType = store.schema.type("Profile");
    SObjectType userType = store.schema.type("User");
    Map<String, Row> profiles = new LinkedHashMap<>();
    Map<String, LoginCredential> credentials = new HashMap<>();
    String admin = profile(profiles, profileType, null, "System Administrator", now);
    String standard = profile(profiles, profileType, null, "Standard User", now);
    for (Object o : spec.getJsonArray("profiles", new JsonArray())) {
      JsonObject p = (JsonObject) o;
      profile(profiles, profileType, id(p.getString("id"), "00e", "profiles[].id"), p.getString("name", "Custom Profile"), now);
    }
    String integrationId = null;
    JsonObject integration = spec.getJsonObject("integrationUser");
    Map<String, Row> users = new LinkedHashMap<>();
    if (integration != null) {
      if (integration.getString("username") == null) {
        throw new IllegalArgumentException("integrationUser needs a username");
      }
      Row u = user(users, profiles, profileType, userType, integration, admin, now);
      integrationId = u.id;
      LoginCredential credential = credential(integration);
      if (credential != null) {
        credentials.put(u.id, credential);
      }
    }
    for (Object o : spec.getJsonArray("users", new JsonArray())) {
      JsonObject json = (JsonObject) o;
      Row u = user(users, profiles, profileType, userType, json, standard, now);
      LoginCredential credential = credential(json);
      if (credential != null) {
        credentials.put(u.id, credential);
      }
    }
    Map<String, OrgWideDefault> sharing = sharing(store.schema, spec);
    // Only now, with the whole spec checked, is the old org forgotten.
    store.reset(new Org(orgId, name, now, null, Map.of(), Map.of()));
    store.put(Organization.row(store.schema.type(Organization.NAME), orgId, name, now), true);
    profiles.values().forEach(r -> store.put(r, true));
    users.values().forEach(r -> store.put(r, true));
    store.org(new Org(orgId, name, now, integrationId, credentials, sharing));
  }

  /** A user's {@code password} and optional {@code securityToken}; null if the user has no password (cannot log in). */
  private static LoginCredential credential(JsonObject user) {
    String password = user.getString("password");
    String token = user.getString("securityToken");
    if (token != null && (password == null || token.isEmpty())) {
      throw new IllegalArgumentException("the securityToken of " + user.getString("username")
          + (password == null ? " needs a password to go with it" : " must not be empty"));
    }
    return password == null ? null : new LoginCredential(password, token);
  }

  /** The org-wide defaults {@code sharing} and {@code privateObjects} set, by sObject type name. */
  private static Map<String, OrgWideDefault> sharing(Schema schema, JsonObject spec) {
    Map<String, OrgWideDefault> out = new HashMap<>();
    for (Object n : spec.getJsonArray("privateObjects", new JsonArray())) {
      out.put(sharedType(schema, "privateObjects", String.valueOf(n)).name, OrgWideDefault.PRIVATE);
    }
    Object sharing = spec.getValue("sharing");
    if (sharing == null) {
      return out;
    }
    if (!(sharing instanceof JsonObject levels)) {
      throw new IllegalArgumentException("sharing must be an object such as {\"Contact\": \"Private\"}");
    }
    for (Map.Entry<String, Object> e : levels) {
      SObjectType type = sharedType(schema, "sharing", e.getKey());
      OrgWideDefault level;
      try {
        level = OrgWideDefault.parse(String.valueOf(e.getValue()));
      } catch (IllegalArgumentException bad) {
        throw new IllegalArgumentException("sharing." + e.getKey() + ": " + bad.getMessage());
      }
      OrgWideDefault before = out.put(type.name, level);
      if (before != null && before != level) {
        throw new IllegalArgumentException(type.name + " is in privateObjects but sharing makes it " + level.label);
      }
    }
    return out;
  }

  private static SObjectType sharedType(Schema schema, String what, String name) {
    SObjectType t = schema.typeLenient(name);
    if (t == null || t.name.equals(UserRecordAccess.NAME)) {
      throw new IllegalArgumentException(what + ": sObject type '" + name + "' is not supported");
    }
    return t;
  }

  private static Row user(Map<String, Row> users, Map<String, Row> profiles, SObjectType profileType, SObjectType userType,
      JsonObject json, String defaultProfile, Instant now) {
    String username = json.getString("username");
    if (username == null || username.isBlank()) {
      throw new IllegalArgumentException("every user needs a username");
    }
    if (users.values().stream().anyMatch(u -> username.equalsIgnoreCase(u.get("Username").toString()))) {
      throw new IllegalArgumentException("two users have the username " + username);
    }
    String profileId = json.getString("profileId") == null ? defaultProfile : id(json.getString("profileId"), "00e", "profileId");
    if (!profiles.containsKey(profileId)) {
      profile(profiles, profileType, profileId, "Profile " + SalesforceIds.shortForm(profileId), now);
    }
    Row u = new Row(userType, id(json.getString("id"), "005", "user id"));
    if (users.containsKey(u.id)) {
      throw new IllegalArgumentException("two users have the id " + u.id);
    }
    String name = json.getString("name", username.contains("@") ? username.substring(0, username.indexOf('@')) : username);
    int space = name.lastIndexOf(' ');
    stamp(u, now);
    u.values.put("Username", username);
    u.values.put("Email", json.getString("email", username));
    u.values.put("FirstName", space > 0 ? name.substring(0, space) : null);
    u.values.put("LastName", space > 0 ? name.substring(space + 1) : name);
    u.values.put("Name", name);
    u.values.put("Alias", name.replaceAll("[^A-Za-z]", "").substring(0, Math.min(8, name.replaceAll("[^A-Za-z]", "").length())));
    u.values.put("ProfileId", profileId);
    u.values.put("IsActive", json.getBoolean("isActive", true));
    u.values.put("TimeZoneSidKey", timeZone(json, username));
    u.values.put("LanguageLocaleKey", "en_US");
    u.values.put("UserType", "Standard");
    users.put(u.id, u);
    return u;
  }

  /** A user's {@code timeZoneSidKey} (the org default when absent), which must name a time zone. */
  private static String timeZone(JsonObject user, String username) {
    String key = user.getString("timeZoneSidKey", TimeZones.ORG_DEFAULT);
    if (TimeZones.zone(key) == null) {
      throw new IllegalArgumentException("the timeZoneSidKey of " + username + " must be a Salesforce time zone such as"
          + " America/Los_Angeles or GMT, not '" + key + "'");
    }
    return key;
  }

  private static String profile(Map<String, Row> profiles, SObjectType type, String id, String name, Instant now) {
    Row p = new Row(type, id == null ? SalesforceIds.next("00e") : id);
    stamp(p, now);
    p.values.put("Name", name);
    profiles.put(p.id, p);
    return p.id;
  }

  private static void stamp(Row r, Instant now) {
    r.values.put("Id", r.id);
    r.values.put("IsDeleted", Boolean.FALSE);
    r.values.put("CreatedDate", now);
    r.values.put("LastModifiedDate", now);
    r.values.put("SystemModstamp", now);
  }

  /** A given id in its 18-character form (checked against the key prefix), or a new one. */
  private static String id(String given, String keyPrefix, String what) {
    if (given == null) {
      return SalesforceIds.next(keyPrefix);
    }
    String id = SalesforceIds.canonical(given);
    if (id == null || !id.startsWith(keyPrefix)) {
      throw new IllegalArgumentException(what + " must be a 15- or 18-character Salesforce id starting with " + keyPrefix
          + ", not '" + given + "'");
    }
    return id;
  }
}
