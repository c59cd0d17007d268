package io.partnerapis.autoconfigure;

import io.partnerapis.PartnerApis;

import org.springframework.core.env.Environment;
import org.springframework.web.client.RestClient;

/**
 * Registers one {@link RestClient} bean per configured partner, named
 * {@code <name>RestClient}, as {@link PartnerClientRegistrar} describes.
 */
class PartnerRestClientRegistrar extends PartnerClientRegistrar {

	PartnerRestClientRegistrar(Environment environment) {
		super(environment, RestClient.class, "restClient");
	}

	/**
	 * Returns a partner's RestClient: the factory method of the per-partner beans.
	 * @param partner the partner's name
	 * @param apis the partners
	 * @return the partner's RestClient
	 */
	static RestClient restClient(String partner, PartnerApis apis) {
		return apis.restClient(partner);
	}

}
