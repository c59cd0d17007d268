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

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import io.partnerapis.PartnerRestClientCustomizer;
import io.partnerapis.PartnerWebClientCustomizer;
import io.partnerapis.autoconfigure.PartnerApiConfigurationException.Problem;
import org.jspecify.annotations.Nullable;

import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Applies the partner customizers to a partner's client builder while keeping the rule
 * that partner clients never follow redirects, which would carry the partner's headers
 * and token to another host. The connector (WebClient) or request factory (RestClient)
 * decides that, below every filter and interceptor, and cannot be inspected once built: a
 * customizer that sets its own, or an exchange function, fails the partner's set-up with
 * the {@link Client#alternative() alternative}. Customizers get a JDK proxy of the
 * builder that notes such calls, since the builders have no getter that would tell.
 */
final class RedirectGuard {

	private static final Client WEB_CLIENT = new Client(Set.of("clientConnector", "exchangeFunction"),
			"PartnerWebClientCustomizer", "ClientHttpConnector",
			"a ClientHttpConnectorBuilder bean (for example ClientHttpConnectorBuilder.reactor()"
					+ ".withHttpClientCustomizer(...)) or the 'spring.http.clients.reactive.*' properties");

	private static final Client REST_CLIENT = new Client(Set.of("requestFactory"), "PartnerRestClientCustomizer",
			"ClientHttpRequestFactory",
			"a ClientHttpRequestFactoryBuilder bean (for example ClientHttpRequestFactoryBuilder.jdk()"
					+ ".withHttpClientCustomizer(...)) or the 'spring.http.clients.imperative.*' properties");

	private RedirectGuard() {
	}

	/**
	 * Applies the customizers to a partner's WebClient builder.
	 * @param partner the partner's name
	 * @param builder the builder, with the partner's connector set
	 * @param customizers the customizers, in order
	 * @throws PartnerApiConfigurationException if a customizer set its own connector or
	 * exchange function
	 */
	static void customize(String partner, WebClient.Builder builder, List<PartnerWebClientCustomizer> customizers) {
		customize(partner, WEB_CLIENT, WebClient.Builder.class, builder,
				(watched) -> customizers.forEach((customizer) -> customizer.customize(partner, watched)));
	}

	/**
	 * Applies the customizers to a partner's RestClient builder.
	 * @param partner the partner's name
	 * @param builder the builder, with the partner's request factory set
	 * @param customizers the customizers, in order
	 * @throws PartnerApiConfigurationException if a customizer set its own request
	 * factory
	 */
	static void customize(String partner, RestClient.Builder builder, List<PartnerRestClientCustomizer> customizers) {
		customize(partner, REST_CLIENT, RestClient.Builder.class, builder,
				(watched) -> customizers.forEach((customizer) -> customizer.customize(partner, watched)));
	}

	private static <B> void customize(String partner, Client client, Class<B> type, B builder,
			Consumer<B> customizers) {
		Set<String> calls = new LinkedHashSet<>();
		customizers.accept(watch(type, builder, client.takeOvers(), calls));
		if (!calls.isEmpty()) {
			String setters = String.join("(...) and ", calls) + "(...)";
			throw new PartnerApiConfigurationException(List.of(new Problem("partner.apis." + partner,
					"is customized by a " + client.customizer() + " that calls " + setters + ": its "
							+ client.transport() + " decides whether redirects are followed, so the partner's headers "
							+ "and token could follow a redirect to another host; configure the HTTP client through "
							+ client.alternative() + " instead",
					"Remove " + setters + " from the " + client.customizer() + " and configure the HTTP client through "
							+ client.alternative() + ": partner-apis builds each partner's client from it with "
							+ "redirects turned off.")));
		}
	}

	@SuppressWarnings("unchecked")
	private static <B> B watch(Class<B> type, B builder, Set<String> takeOvers, Set<String> calls) {
		return (B) Proxy.newProxyInstance(RedirectGuard.class.getClassLoader(), new Class<?>[] { type },
				(proxy, method, args) -> {
					if (takeOvers.contains(method.getName())) {
						calls.add(method.getName());
					}
					if (method.getName().equals("apply") && args != null && args.length == 1
							&& args[0] instanceof Consumer<?> consumer) {
						((Consumer<Object>) consumer).accept(proxy);
						return proxy;
					}
					Object result = invoke(method, builder, args);
					return (result == builder) ? proxy : result;
				});
	}

	private static @Nullable Object invoke(Method method, Object target, Object @Nullable [] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	/**
	 * What a kind of partner client's customizers may not call, and what to do instead.
	 */
	private record Client(Set<String> takeOvers, String customizer, String transport, String alternative) {
	}

}
