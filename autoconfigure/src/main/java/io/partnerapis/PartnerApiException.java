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
 * Thrown when a partner WebClient or RestClient, or the {@link PartnerApis} registry, is
 * used in a way it does not support: a partner name it does not know, or a request to an
 * origin other than the partner's. Nothing is sent in either case.
 *
 * @since 0.1.0
 */
public class PartnerApiException extends IllegalStateException {

	/**
	 * Creates a new exception.
	 * @param message what was wrong and how to fix it
	 */
	public PartnerApiException(String message) {
		super(message);
	}

}
