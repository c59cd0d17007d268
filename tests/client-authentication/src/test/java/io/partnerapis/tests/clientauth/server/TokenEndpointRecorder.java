/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.partnerapis.tests.clientauth.server;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * Records every request to the token endpoint and to the API: the client and the client
 * authentication method that the authorization server authenticated (for token requests),
 * the client certificate presented on the connection, and the response status.
 */
public class TokenEndpointRecorder implements Filter {

	private static final String CLIENT_ID = TokenEndpointRecorder.class.getName() + ".clientId";

	private static final String METHOD = TokenEndpointRecorder.class.getName() + ".method";

	private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		HttpServletRequest httpRequest = (HttpServletRequest) request;
		X509Certificate[] certificates = (X509Certificate[]) request
			.getAttribute("jakarta.servlet.request.X509Certificate");
		Exchange exchange = new Exchange(httpRequest.getRequestURI(), (certificates != null && certificates.length > 0)
				? certificates[0].getSubjectX500Principal().getName() : null);
		this.exchanges.add(exchange);
		try {
			chain.doFilter(request, response);
		}
		finally {
			exchange.clientId = (String) request.getAttribute(CLIENT_ID);
			exchange.method = (String) request.getAttribute(METHOD);
			exchange.status = ((HttpServletResponse) response).getStatus();
		}
	}

	/**
	 * Everything recorded since the last {@link #clear()}.
	 * @return the exchanges, in arrival order
	 */
	public List<Exchange> exchanges() {
		return List.copyOf(this.exchanges);
	}

	/**
	 * The token requests recorded since the last {@link #clear()}.
	 * @return the token requests, in arrival order
	 */
	public List<Exchange> tokenRequests() {
		return this.exchanges.stream().filter((exchange) -> exchange.path.equals("/oauth2/token")).toList();
	}

	/**
	 * The API calls recorded since the last {@link #clear()}.
	 * @return the API calls, in arrival order
	 */
	public List<Exchange> apiCalls() {
		return this.exchanges.stream().filter((exchange) -> exchange.path.startsWith("/api/")).toList();
	}

	public void clear() {
		this.exchanges.clear();
	}

	/**
	 * A filter in the authorization server's chain, after client authentication, that
	 * notes which client was authenticated and how.
	 * @return the filter
	 */
	static Filter clientAuthenticationRecorder() {
		return (request, response, chain) -> {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication instanceof OAuth2ClientAuthenticationToken client) {
				RegisteredClient registeredClient = client.getRegisteredClient();
				request.setAttribute(CLIENT_ID, (registeredClient != null) ? registeredClient.getClientId() : null);
				request.setAttribute(METHOD, client.getClientAuthenticationMethod().getValue());
			}
			chain.doFilter(request, response);
		};
	}

	/**
	 * One request; the client, method and status are known once the response is written.
	 */
	public static final class Exchange {

		private final String path;

		private final String clientCertificateSubject;

		private volatile String clientId;

		private volatile String method;

		private volatile int status;

		Exchange(String path, String clientCertificateSubject) {
			this.path = path;
			this.clientCertificateSubject = clientCertificateSubject;
		}

		public String path() {
			return this.path;
		}

		/**
		 * The subject of the client certificate presented on the connection.
		 * @return the subject DN, or {@code null} without one
		 */
		public String clientCertificateSubject() {
			return this.clientCertificateSubject;
		}

		/**
		 * The authenticated client of a token request.
		 * @return the client id, or {@code null}
		 */
		public String clientId() {
			return this.clientId;
		}

		/**
		 * The client authentication method that authenticated a token request.
		 * @return the method, such as {@code private_key_jwt}, or {@code null}
		 */
		public String method() {
			return this.method;
		}

		/**
		 * The response status.
		 * @return the status, 0 while the response is not complete
		 */
		public int status() {
			return this.status;
		}

		@Override
		public String toString() {
			return this.path + " " + this.status + " client=" + this.clientId + " method=" + this.method
					+ " certificate=" + this.clientCertificateSubject;
		}

	}

}
