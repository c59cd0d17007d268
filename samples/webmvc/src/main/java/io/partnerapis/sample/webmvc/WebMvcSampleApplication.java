package io.partnerapis.sample.webmvc;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * A Spring MVC (servlet stack) application, on virtual threads where the JDK has them,
 * that calls SmartSense through the partner-apis starter in two blocking styles: a
 * declarative HTTP interface in an HTTP service group, and the partner's RestClient.
 */
@SpringBootApplication(proxyBeanMethods = false)
@ImportHttpServices(group = "smartsense", types = SmartSenseApi.class)
public class WebMvcSampleApplication {

	/**
	 * Starts the application.
	 * @param args the command-line arguments
	 */
	public static void main(String[] args) {
		SpringApplication.run(WebMvcSampleApplication.class, args);
	}

}
