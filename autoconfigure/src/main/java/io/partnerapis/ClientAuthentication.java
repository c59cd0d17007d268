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

/**
 * How the client authenticates to the token endpoint.
 *
 * @since 0.1.0
 */
public enum ClientAuthentication {

	/**
	 * Client id and secret in an HTTP Basic 'Authorization' header.
	 */
	CLIENT_SECRET_BASIC,

	/**
	 * Client id and secret as 'client_id' and 'client_secret' in the request body.
	 */
	CLIENT_SECRET_POST,

	/**
	 * A JWT signed with the client's private key, as RFC 7523 describes.
	 */
	PRIVATE_KEY_JWT,

	/**
	 * A JWT signed with the client secret as HMAC key, as RFC 7523 describes.
	 */
	CLIENT_SECRET_JWT,

	/**
	 * The client certificate of a mutual TLS connection, issued by a certificate
	 * authority the partner trusts, as RFC 8705 section 2.1 describes.
	 */
	TLS_CLIENT_AUTH,

	/**
	 * A self-signed client certificate of a mutual TLS connection, registered with the
	 * partner, as RFC 8705 section 2.2 describes.
	 */
	SELF_SIGNED_TLS_CLIENT_AUTH,

	/**
	 * The client id alone, for partners whose token endpoint asks for no authentication.
	 */
	NONE

}
