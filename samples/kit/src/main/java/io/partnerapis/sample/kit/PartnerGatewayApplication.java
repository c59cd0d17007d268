package io.partnerapis.sample.kit;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An application that reads one record from each of the five partners through
 * {@link PartnerGateway}.
 */
@SpringBootApplication
public class PartnerGatewayApplication {

	public static void main(String[] args) {
		SpringApplication.run(PartnerGatewayApplication.class, args);
	}

}
