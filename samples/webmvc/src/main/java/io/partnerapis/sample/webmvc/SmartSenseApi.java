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

package io.partnerapis.sample.webmvc;

import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * The part of SmartSense's API this application calls, as a declarative HTTP interface.
 * It is in the HTTP service group {@code smartsense}, named after the partner, so the
 * starter gives its client SmartSense's base URL, headers and bearer token.
 */
@HttpExchange("/v1")
public interface SmartSenseApi {

	/**
	 * Returns SmartSense's sensors.
	 * @return the sensors, as SmartSense sends them
	 */
	@GetExchange("/sensors")
	String sensors();

}
