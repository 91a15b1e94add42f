package com.exchangesync.worker.config;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;

/**
 * What the worker proves itself with to Microsoft Entra ID when an org uses
 * Exchange Online: the app registration's certificate with its private key
 * ({@code EXSYNC_GRAPH_CERTIFICATE_FILE}), or one of its client secrets
 * ({@code EXSYNC_GRAPH_CLIENT_SECRET}). The tenant and application ids come from
 * the org's setup; this stays with the worker. Neither form's {@code toString}
 * shows the key or the secret.
 */
public sealed interface GraphCredentials {

  /** How the worker signs in, for messages (no secret). */
  String describe();

  /**
   * A certificate credential: client assertions signed with {@code key}, naming
   * {@code certificate} by its thumbprint.
   *
   * @param file where both were read from, for messages
   */
  record Certificate(Path file, X509Certificate certificate, RSAPrivateKey key) implements GraphCredentials {

    @Override
    public String describe() {
      return "the certificate " + certificate.getSubjectX500Principal().getName() + " of " + file;
    }

    @Override
    public String toString() {
      return "Certificate[file=" + file + ", subject=" + certificate.getSubjectX500Principal().getName() + "]";
    }
  }

  /** A client secret of the app registration. */
  record ClientSecret(Secret secret) implements GraphCredentials {

    @Override
    public String describe() {
      return "a client secret (EXSYNC_GRAPH_CLIENT_SECRET)";
    }
  }
}
