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
