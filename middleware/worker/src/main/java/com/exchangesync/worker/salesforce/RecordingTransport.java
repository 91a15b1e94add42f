package com.exchangesync.worker.salesforce;

import com.sforce.ws.ConnectorConfig;
import com.sforce.ws.transport.Transport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * force-wsc's transport over {@link HttpURLConnection}, like its own
 * {@code JdkHttpTransport}, except that it reports each response's HTTP status
 * to its owner: force-wsc turns a non-SOAP error page into a generic
 * {@code ConnectionException}, and only the status tells an HTTP 503 (wait and
 * retry) from other failures. It also refuses URLs the
 * {@link com.exchangesync.worker.config.TransportPolicy} forbids, so a login
 * answer cannot redirect the session to plain HTTP.
 *
 * <p>The request body is buffered and sent in fixed-length streaming mode. Without
 * it, {@code HttpURLConnection} sends a POST a second time, silently, when the
 * connection closes before the answer ({@code sun.net.http.retryPost}, true by
 * default): a create whose answer was lost would be made twice underneath the
 * worker, which could then neither see nor prevent it. A streamed request is never
 * sent again by the JDK. This was chosen over setting
 * {@code sun.net.http.retryPost=false} at start because that property is read
 * once, when the JDK's HTTP client class loads, so it holds only if set before any
 * other code (a library, a test) makes the first connection, and it changes every
 * other user of {@code HttpURLConnection} in the process; the transport's own
 * mode needs neither. The failure then reaches {@link SalesforceClient}, which
 * treats it as a lost answer.
 */
final class RecordingTransport implements Transport {

  /** Reported before a request when no response was received (connection refused, timeout). */
  static final int NO_RESPONSE = -1;

  private final IntConsumer status;
  private final boolean allowInsecureLoopback;
  private ConnectorConfig config;
  private HttpURLConnection connection;
  private ByteArrayOutputStream body;
  private boolean successful;

  RecordingTransport(IntConsumer status, boolean allowInsecureLoopback) {
    this.status = status;
    this.allowInsecureLoopback = allowInsecureLoopback;
  }

  @Override
  public void setConfig(ConnectorConfig config) {
    this.config = config;
  }

  @Override
  public OutputStream connect(String uri, String soapAction) throws IOException {
    HashMap<String, String> headers = new HashMap<>();
    headers.put("SOAPAction", "\"" + (soapAction == null ? "" : soapAction) + "\"");
    headers.put("Content-Type", "text/xml; charset=UTF-8");
    headers.put("Accept", "text/xml");
    return connect(uri, headers, true);
  }

  @Override
  public OutputStream connect(String uri, HashMap<String, String> headers) throws IOException {
    return connect(uri, headers, true);
  }

  @Override
  public OutputStream connect(String uri, HashMap<String, String> headers, boolean compression) throws IOException {
    status.accept(NO_RESPONSE);
    URI target = URI.create(uri);
    String problem = com.exchangesync.worker.config.TransportPolicy.problemWith(target, allowInsecureLoopback);
    if (problem != null) {
      throw new IOException("Salesforce endpoint " + target.getScheme() + "://" + target.getHost() + " " + problem);
    }
    connection = (HttpURLConnection) target.toURL().openConnection(config.getProxy());
    connection.setRequestMethod("POST");
    connection.setDoInput(true);
    connection.setDoOutput(true);
    connection.setUseCaches(false);
    connection.setConnectTimeout(config.getConnectionTimeout());
    connection.setReadTimeout(config.getReadTimeout());
    connection.setRequestProperty("User-Agent", "exchange-sync-worker");
    if (config.getHeaders() != null) {
      for (Map.Entry<String, String> h : config.getHeaders().entrySet()) {
        connection.setRequestProperty(h.getKey(), h.getValue());
      }
    }
    boolean gzip = compression && config.isCompression();
    if (gzip) {
      connection.setRequestProperty("Content-Encoding", "gzip");
      connection.setRequestProperty("Accept-Encoding", "gzip");
    }
    if (headers != null) {
      headers.forEach(connection::setRequestProperty);
    }
    body = new ByteArrayOutputStream();
    return gzip ? new GZIPOutputStream(body) : body;
  }

  /** Sends the buffered body with its length, in streaming mode (see the class comment: never sent twice). */
  private void send() throws IOException {
    byte[] bytes = body.toByteArray();
    connection.setFixedLengthStreamingMode(bytes.length);
    try (OutputStream out = connection.getOutputStream()) {
      out.write(bytes);
    }
  }

  @Override
  public InputStream getContent() throws IOException {
    send();
    InputStream in;
    try {
      in = connection.getInputStream();
    } catch (IOException e) {
      in = connection.getErrorStream();
      if (in == null) {
        int code = statusOrNone();
        status.accept(code);
        throw e;
      }
    }
    int code = connection.getResponseCode();
    status.accept(code);
    successful = code < 400;
    if ("gzip".equalsIgnoreCase(connection.getHeaderField("Content-Encoding"))) {
      in = new GZIPInputStream(in);
    }
    return in;
  }

  private int statusOrNone() {
    try {
      return connection.getResponseCode();
    } catch (IOException e) {
      return NO_RESPONSE;
    }
  }

  @Override
  public boolean isSuccessful() {
    return successful;
  }
}
