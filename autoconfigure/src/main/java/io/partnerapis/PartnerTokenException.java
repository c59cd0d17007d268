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

package io.partnerapis;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * Thrown when a partner's token endpoint did not give a usable token: it answered with an
 * error, with a body that is not a usable token response, or not at all.
 *
 * <p>
 * The message names the partner, the HTTP status, the OAuth2 {@code error} and
 * {@code error_description} when the endpoint sent them, and a short excerpt of the body
 * with every token value masked. It never holds a client secret or a token.
 */
public class PartnerTokenException extends OAuth2AuthorizationException {

	/**
	 * Error code for a response that is not a usable token response.
	 */
	public static final String INVALID_TOKEN_RESPONSE = "invalid_token_response";

	/**
	 * Error code for a token request that got no answer: connection failure or timeout.
	 */
	public static final String TOKEN_ENDPOINT_UNREACHABLE = "token_endpoint_unreachable";

	private final String partner;

	private final @Nullable Integer status;

	private final @Nullable Duration retryAfter;

	/**
	 * Creates a new exception.
	 * @param partner the partner's name
	 * @param status the HTTP status of the token response, or {@code null} when none came
	 * @param error the OAuth2 error
	 * @param message the message, free of secrets and tokens
	 * @param cause the cause, or {@code null}
	 */
	public PartnerTokenException(String partner, @Nullable Integer status, OAuth2Error error, String message,
			@Nullable Throwable cause) {
		this(partner, status, error, message, cause, null);
	}

	/**
	 * Creates a new exception for an answer that said when to ask again.
	 * @param partner the partner's name
	 * @param status the HTTP status of the token response, or {@code null} when none came
	 * @param error the OAuth2 error
	 * @param message the message, free of secrets and tokens
	 * @param cause the cause, or {@code null}
	 * @param retryAfter how long the endpoint asked not to be asked again, from its
	 * {@code Retry-After} header, or {@code null}
	 * @since 0.2.0
	 */
	public PartnerTokenException(String partner, @Nullable Integer status, OAuth2Error error, String message,
			@Nullable Throwable cause, @Nullable Duration retryAfter) {
		super(error, message);
		if (cause != null) {
			initCause(cause);
		}
		this.partner = partner;
		this.status = status;
		this.retryAfter = retryAfter;
	}

	/**
	 * Returns the name of the partner whose token request failed.
	 * @return the partner's name
	 */
	public String getPartner() {
		return this.partner;
	}

	/**
	 * Returns the HTTP status of the token response.
	 * @return the status, or {@code null} when no response came
	 */
	public @Nullable Integer getStatus() {
		return this.status;
	}

	/**
	 * Returns how long the token endpoint asked not to be asked again, from the
	 * {@code Retry-After} header of a 429 or 503 answer.
	 * @return the delay, or {@code null} when the answer named none
	 * @since 0.2.0
	 */
	public @Nullable Duration getRetryAfter() {
		return this.retryAfter;
	}

	/**
	 * Returns whether trying the same request again at once may succeed: the endpoint
	 * failed on its side (5xx) without saying when to come back, or could not be reached.
	 * 4xx answers are final, since retrying cannot fix them and may spend quota.
	 * @return whether the failure is transient
	 */
	public boolean isTransient() {
		if (this.retryAfter != null) {
			return false;
		}
		return (this.status == null) ? TOKEN_ENDPOINT_UNREACHABLE.equals(getError().getErrorCode())
				: this.status >= 500;
	}

}
