package io.partnerapis.sample.demo;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the demo.
 */
@ConfigurationProperties("demo")
public class DemoProperties {

	/**
	 * Path of the endpoint the demo calls, by partner name.
	 */
	private final Map<String, String> paths = new LinkedHashMap<>();

	public Map<String, String> getPaths() {
		return this.paths;
	}

}
