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

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/**
 * Serves SmartSense sensors, fetched with the token the starter keeps for the
 * {@code smartsense} partner, in the two styles a Spring MVC application uses: an HTTP
 * interface and a RestClient. Both block the request's thread, which costs little on
 * virtual threads.
 */
@RestController
class SensorController {

	private final SmartSenseApi smartSenseApi;

	private final RestClient smartsense;

	SensorController(SmartSenseApi smartSenseApi, @Qualifier("smartsense") RestClient smartsense) {
		this.smartSenseApi = smartSenseApi;
		this.smartsense = smartsense;
	}

	/**
	 * Returns the sensors, through the declarative HTTP interface.
	 * @return the sensors, as SmartSense sent them
	 */
	@GetMapping(path = "/sensors", produces = MediaType.APPLICATION_JSON_VALUE)
	String sensors() {
		return this.smartSenseApi.sensors();
	}

	/**
	 * Returns the sensors, through the partner's RestClient.
	 * @return the sensors, as SmartSense sent them
	 */
	@GetMapping(path = "/sensors/rest-client", produces = MediaType.APPLICATION_JSON_VALUE)
	String sensorsThroughRestClient() {
		return this.smartsense.get().uri("/v1/sensors").retrieve().body(String.class);
	}

}
