package com.exchangesync.worker.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * TLS everywhere, except plain {@code http://} to a loopback address
 * (127.0.0.0/8 or ::1) when {@code EXSYNC_ALLOW_INSECURE_LOOPBACK} allows it:
 * the test beds and the demo run there, and nothing on the network can read it.
 */
public final class TransportPolicy {

  private TransportPolicy() {}

  /**
   * Returns why {@code uri} may not be used, or {@code null} when it may.
   * Host names are not resolved (a DNS answer could change): only literal
   * loopback addresses and {@code localhost} count as loopback.
   */
  public static String problemWith(URI uri, boolean allowInsecureLoopback) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null) {
      return "must be an absolute URL with a host, such as https://mail.example.com/EWS/Exchange.asmx";
    }
    if (scheme.equals("https")) {
      return null;
    }
    if (!scheme.equals("http")) {
      return "must use https, not '" + scheme + "'";
    }
    if (!isLoopback(uri.getHost())) {
      return "must use https: plain http is allowed only to a loopback address";
    }
    if (!allowInsecureLoopback) {
      return "uses http: set EXSYNC_ALLOW_INSECURE_LOOPBACK=true to allow plain http to a loopback test server";
    }
    return null;
  }

  /** Whether {@code host} is a loopback literal or {@code localhost}. */
  public static boolean isLoopback(String host) {
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (h.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!h.matches("[0-9.]+") && !h.contains(":")) {
      return false;
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
