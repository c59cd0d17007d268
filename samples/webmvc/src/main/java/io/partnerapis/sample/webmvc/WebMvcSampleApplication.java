package io.partnerapis.sample.webmvc;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring MVC (servlet stack) application that calls a partner through the partner-apis
 * starter: the starter's WebClients work the same way outside WebFlux.
 */
@SpringBootApplication(proxyBeanMethods = false)
public class WebMvcSampleApplication {

	/**
	 * Starts the application.
	 * @param args the command-line arguments
	 */
	public static void main(String[] args) {
		SpringApplication.run(WebMvcSampleApplication.class, args);
	}

}
