package io.partnerapis.token.fetch;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.partnerapis.PartnerApisProperties.RequestFormat;
import io.partnerapis.PartnerProvider;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * How one partner's token endpoint is spoken to beyond what its
 * {@link org.springframework.security.oauth2.client.registration.ClientRegistration}
 * says: the request body format, extra headers and parameters, where the token fields sit
 * in the response, and the timeouts and retries of each request.
 *
 * @param partner the partner's name
 * @param provider the partner's provider preset
 * @param requestFormat the request body format
 * @param headers headers added to every token request
 * @param parameters parameters added to every client-credentials token request
 * @param responsePath names of the nested JSON objects that hold the token fields, outermost
 * first; empty when they are at the top level
 * @param clientIdHeader name of the header that identifies the client on refresh-token
 * requests instead of its credentials, or {@code null}
 * @param encodeClientCredentials whether the client id and secret are URL-encoded before
 * they go into an HTTP Basic header, as RFC 6749 section 2.3.1 says
 * @param defaultLifetime lifetime of a token whose response carries no {@code expires_in}
 * @param responseTimeout time to wait for each response
 * @param maxRetries how many times a transient failure is retried
 * @param retryBackoff delay before the first retry
 * @author partner-apis
 */
public record TokenEndpoint(String partner, PartnerProvider provider, RequestFormat requestFormat,
		Map<String, String> headers, Map<String, String> parameters, List<String> responsePath,
		@Nullable String clientIdHeader, boolean encodeClientCredentials, Duration defaultLifetime, Duration responseTimeout, int maxRetries,
		Duration retryBackoff) {

	/**
	 * Creates new settings, copying the given maps and list.
	 */
	public TokenEndpoint {
		Assert.hasText(partner, "'partner' must not be empty");
		headers = Map.copyOf(headers);
		parameters = Map.copyOf(parameters);
		responsePath = List.copyOf(responsePath);
	}

	/**
	 * Describes these settings by header and parameter names only, since their values may
	 * be credentials.
	 */
	@Override
	public String toString() {
		return "TokenEndpoint[partner=" + this.partner + ", provider=" + this.provider.id() + ", requestFormat="
				+ this.requestFormat + ", headers=" + this.headers.keySet() + ", parameters="
				+ this.parameters.keySet() + ", responsePath=" + this.responsePath + "]";
	}

	/**
	 * Returns settings for a standard RFC 6749 endpoint with the given defaults, for use
	 * in code that builds a client by hand.
	 * @param partner the partner's name
	 * @return settings with form bodies, no extras, 5 minute default lifetime, 10 s
	 * timeout and two retries
	 */
	public static TokenEndpoint standard(String partner) {
		return new TokenEndpoint(partner, PartnerProvider.GENERIC, RequestFormat.FORM, Map.of(), Map.of(), List.of(),
				null, true, Duration.ofMinutes(5), Duration.ofSeconds(10), 2, Duration.ofMillis(200));
	}

}
