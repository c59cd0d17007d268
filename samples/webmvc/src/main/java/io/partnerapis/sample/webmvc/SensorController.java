package io.partnerapis.sample.webmvc;

import java.time.Duration;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Serves SmartSense sensors, fetched through the WebClient the starter made for the
 * {@code smartsense} partner, in the two styles a Spring MVC application can use.
 */
@RestController
class SensorController {

	private static final Duration PARTNER_TIMEOUT = Duration.ofSeconds(10);

	private final WebClient smartsense;

	SensorController(@Qualifier("smartsense") WebClient smartsense) {
		this.smartsense = smartsense;
	}

	/**
	 * Returns the sensors, waiting for SmartSense on the request's servlet thread.
	 * @return the sensors, as SmartSense sent them
	 */
	@GetMapping(path = "/sensors", produces = MediaType.APPLICATION_JSON_VALUE)
	String sensors() {
		return fetchSensors().block(PARTNER_TIMEOUT);
	}

	/**
	 * Returns the sensors without holding a servlet thread: Spring MVC writes the answer
	 * when the {@link Mono} completes.
	 * @return the sensors, as SmartSense sends them
	 */
	@GetMapping(path = "/sensors/async", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<String> sensorsAsync() {
		return fetchSensors().timeout(PARTNER_TIMEOUT);
	}

	private Mono<String> fetchSensors() {
		return this.smartsense.get().uri("/v1/sensors").retrieve().bodyToMono(String.class);
	}

}
