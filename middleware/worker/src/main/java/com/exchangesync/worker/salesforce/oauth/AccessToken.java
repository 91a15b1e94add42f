package com.exchangesync.worker.salesforce.oauth;

import com.exchangesync.worker.config.Secret;
import java.net.URI;

/**
 * What the token endpoint granted: the access token (the SOAP session id), the
 * org's instance, and the org and user it names. {@code toString} leaves the
 * token out.
 *
 * @param accessToken the access token, used as the partner API's session id
 * @param instanceUrl the org's instance ({@code instance_url}); SOAP calls go to
 *     {@code <instanceUrl>/services/Soap/u/65.0}
 * @param organizationId the 18-character org id, from the answer's {@code id}
 * @param userId the 18-character id of the user signed in, from the answer's {@code id}
 */
public record AccessToken(Secret accessToken, URI instanceUrl, String organizationId, String userId) {}
