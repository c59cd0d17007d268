package io.partnerapis.test.app;

import org.springframework.web.service.annotation.GetExchange;

/**
 * SmartSense's sensors, as a declarative HTTP interface.
 */
public interface SensorsApi {

	/**
	 * Returns the sensors.
	 * @return the JSON body
	 */
	@GetExchange("/v1/sensors")
	String sensors();

}
