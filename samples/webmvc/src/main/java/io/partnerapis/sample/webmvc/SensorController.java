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
