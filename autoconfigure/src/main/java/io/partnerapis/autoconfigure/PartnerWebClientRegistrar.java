/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.partnerapis.autoconfigure;

import java.util.List;

import io.partnerapis.PartnerApis;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Registers one {@link WebClient} bean per configured partner, named
 * {@code <name>WebClient}, as {@link PartnerClientRegistrar} describes.
 */
class PartnerWebClientRegistrar extends PartnerClientRegistrar {

	private static final Log logger = LogFactory.getLog(PartnerWebClientRegistrar.class);

	PartnerWebClientRegistrar(Environment environment) {
		super(environment, WebClient.class, "webClient");
	}

	/**
	 * Returns a partner's WebClient: the factory method of the per-partner beans.
	 * @param partner the partner's name
	 * @param apis the partners
	 * @return the partner's WebClient
	 */
	static WebClient webClient(String partner, PartnerApis apis) {
		return apis.webClient(partner);
	}

	/**
	 * Logs a warning naming the partners that have no WebClient bean. That happens only
	 * in an application processed ahead of time, whose bean definitions are fixed when it
	 * is processed, for partners configured at run time alone: they work through
	 * {@link PartnerApis#webClient(String)}, but cannot be injected by qualifier.
	 * @param apis the configured partners
	 * @param beanFactory the bean factory
	 */
	static void warnAboutPartnersWithoutBean(PartnerApis apis, BeanFactory beanFactory) {
		List<String> withoutBean = apis.getNames()
			.stream()
			.filter((name) -> !beanFactory.containsBean(beanName(name)))
			.toList();
		if (!withoutBean.isEmpty() && logger.isWarnEnabled()) {
			logger.warn("Partner APIs " + withoutBean + " have no qualified WebClient bean (such as '"
					+ beanName(withoutBean.get(0)) + "'): they are configured at run time but were not when the "
					+ "application was processed ahead of time, which fixes its beans. PartnerApis.webClient(name) "
					+ "serves them; to inject them with @Qualifier, configure them when running process-aot too.");
		}
	}

	/**
	 * Returns the bean name of a partner's WebClient, such as {@code myPartnerWebClient}
	 * for {@code my-partner}.
	 * @param partner the partner's name
	 * @return the bean name
	 */
	static String beanName(String partner) {
		return beanName(partner, WebClient.class);
	}

}
