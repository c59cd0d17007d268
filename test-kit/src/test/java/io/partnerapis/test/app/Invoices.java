package io.partnerapis.test.app;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A class under test that calls Bemobi.
 */
@Component
public class Invoices {

	private final WebClient bemobi;

	Invoices(@Qualifier("bemobi") WebClient bemobi) {
		this.bemobi = bemobi;
	}

	/**
	 * Returns Bemobi's invoices.
	 * @return the JSON body
	 */
	public String invoices() {
		return this.bemobi.get().uri("/v1/invoices").retrieve().bodyToMono(String.class).block();
	}

}
