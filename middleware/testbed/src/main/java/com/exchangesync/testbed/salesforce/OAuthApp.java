package com.exchangesync.testbed.salesforce;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * One External Client App of the org, as {@code PUT /sim/oauth/apps} registers
 * it: its consumer key, the certificate uploaded for the JWT bearer flow
 * (verifies assertions), the consumer secret and "Run As" user of the client
 * credentials flow, and the users pre-authorized to sign in through it
 * ("Admin approved users are pre-authorized" with the permission set or
 * profile that names them; {@code "*"} = every user). Users are named by
 * username and looked up when a token is asked for, so an app survives
 * {@code POST /sim/org}.
 *
 * @param clientId the consumer key
 * @param certificate the uploaded certificate, or null (no JWT bearer flow)
 * @param clientSecret the consumer secret, or null (no client credentials flow)
 * @param runAs the client credentials flow's user (username), or null
 * @param preApproved usernames, lower-cased; ignored when {@code everyone}
 * @param everyone whether every user of the org is pre-authorized
 */
record OAuthApp(String clientId, X509Certificate certificate, String clientSecret, String runAs, Set<String> preApproved,
    boolean everyone) {

  OAuthApp {
    preApproved = Set.copyOf(preApproved);
  }

  /** Whether {@code username} is pre-authorized for this app. */
  boolean approves(String username) {
    return everyone || preApproved.contains(username.toLowerCase(Locale.ROOT));
  }

  /** Whether {@code given} is the consumer secret (compared in constant time; an app without one accepts none). */
  boolean secretMatches(String given) {
    return clientSecret != null && given != null
        && MessageDigest.isEqual(clientSecret.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  /** The public key assertions must be signed for, or null without a certificate. */
  RSAPublicKey publicKey() {
    return certificate == null ? null : (RSAPublicKey) certificate.getPublicKey();
  }

  /** An app from its admin-API JSON; bad input throws with the problem named. */
  static OAuthApp parse(JsonObject json) {
    String clientId = json.getString("clientId");
    if (clientId == null || clientId.isBlank()) {
      throw new IllegalArgumentException("every app needs a clientId (the consumer key)");
    }
    X509Certificate certificate = certificate(clientId, json.getString("certificate"));
    String secret = json.getString("clientSecret");
    if (secret != null && secret.isEmpty()) {
      throw new IllegalArgumentException("the clientSecret of " + clientId + " must not be empty");
    }
    if (certificate == null && secret == null) {
      throw new IllegalArgumentException("app " + clientId + " needs a certificate (JWT bearer flow) or a clientSecret"
          + " (client credentials flow)");
    }
    Object approved = json.getValue("preApproved");
    Set<String> users = new LinkedHashSet<>();
    boolean everyone = false;
    if ("*".equals(approved)) {
      everyone = true;
    } else if (approved instanceof JsonArray list) {
      for (Object u : list) {
        if (!(u instanceof String name) || name.isBlank()) {
          throw new IllegalArgumentException("preApproved of " + clientId + " must list usernames, not " + u);
        }
        users.add(name.toLowerCase(Locale.ROOT));
      }
    } else if (approved != null) {
      throw new IllegalArgumentException("preApproved of " + clientId + " must be a list of usernames or \"*\"");
    }
    return new OAuthApp(clientId, certificate, secret, json.getString("runAs"), users, everyone);
  }

  private static X509Certificate certificate(String clientId, String pem) {
    if (pem == null) {
      return null;
    }
    X509Certificate certificate;
    try {
      certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    } catch (CertificateException | ClassCastException e) {
      throw new IllegalArgumentException("the certificate of " + clientId + " is not an X.509 certificate in PEM form"
          + " (-----BEGIN CERTIFICATE-----): " + e.getMessage());
    }
    if (!(certificate.getPublicKey() instanceof RSAPublicKey)) {
      throw new IllegalArgumentException("the certificate of " + clientId + " must hold an RSA key (the JWT bearer flow signs"
          + " with RS256), not " + certificate.getPublicKey().getAlgorithm());
    }
    return certificate;
  }

  /** The admin API's view: no secret and no certificate body, only whether they are there. */
  JsonObject json() {
    JsonObject out = new JsonObject().put("clientId", clientId).put("certificate", certificate != null)
        .put("clientSecret", clientSecret != null).put("runAs", runAs);
    return out.put("preApproved", everyone ? "*" : new JsonArray(preApproved.stream().sorted().toList()));
  }
}
