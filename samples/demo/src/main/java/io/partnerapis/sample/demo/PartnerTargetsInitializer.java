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

package io.partnerapis.sample.demo;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.partnerapis.test.PartnerStandIn;
import io.partnerapis.test.PartnerStandIns;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;
import org.springframework.util.StringUtils;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * Decides, before the context starts, which partners the demo calls.
 *
 * <ul>
 * <li>By default it starts the test kit's {@link PartnerStandIns local stand-ins} on free
 * loopback ports and points each partner's token URI and base URL at its stand-in, with
 * the made-up credentials the stand-in accepts, ahead of every other property source; it
 * stubs the path the demo calls on each, and scripts the faults the demo shows. The
 * stand-ins are a bean of the context and stop with it.</li>
 * <li>With the {@value #LIVE_PROFILE} profile it leaves {@code application.yml} as it is,
 * and fails at once, naming them, if environment variables it refers to are not set.</li>
 * </ul>
 *
 * <p>
 * Ahead-of-time processing ({@code spring-boot:process-aot}) runs initializers too, to
 * find the beans; it then does nothing, as stand-ins and credentials only change where
 * the partners are and how they are called, not which beans exist, and a running stand-in
 * would keep the build's JVM alive. The application started from the processed classes
 * runs this initializer again and starts them as usual.
 */
public class PartnerTargetsInitializer implements ApplicationContextInitializer<GenericApplicationContext> {

	/**
	 * Profile that calls the real partners.
	 */
	public static final String LIVE_PROFILE = "live";

	private static final ConfigurationPropertyName PARTNERS = ConfigurationPropertyName.of("partner.apis");

	private static final Pattern REQUIRED_PLACEHOLDER = Pattern.compile("\\$\\{([^:}]+)}");

	@Override
	public void initialize(GenericApplicationContext context) {
		if (Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING)) {
			return;
		}
		ConfigurableEnvironment environment = context.getEnvironment();
		if (environment.acceptsProfiles(Profiles.of(LIVE_PROFILE))) {
			Map<String, String> missing = missingVariables(environment);
			if (!missing.isEmpty()) {
				throw new MissingCredentialsException(missing);
			}
			return;
		}
		PartnerStandIns standIns = PartnerStandIns.start(environment);
		standIns.all().forEach((standIn) -> serveDemoPath(standIn, environment));
		standIns.partner("bud").tokensLive(Duration.ofSeconds(4));
		standIns.partner("bemobi").slowTokenEndpoint(Duration.ofMillis(300));
		standIns.partner("buoy").revokeAllTokensAfterApiCalls(3);
		environment.getPropertySources().addFirst(new MapPropertySource("partnerStandIns", standIns.properties()));
		context.registerBean("partnerStandIns", PartnerStandIns.class, () -> standIns);
	}

	/**
	 * Returns what a partner's stand-in does beyond following the partner's document.
	 * @param partner the partner's name
	 * @return a few words, such as "tokens live 4 s"
	 */
	static String behaviour(String partner) {
		return switch (partner) {
			case "bud" -> "tokens live 4 s";
			case "bemobi" -> "token takes 300 ms";
			case "buoy" -> "revokes its token after call 3";
			case "ledger" -> "checks each signed client assertion";
			default -> "as documented";
		};
	}

	/**
	 * Stubs the endpoint the demo calls on a partner, in WireMock's own DSL; the stand-in
	 * answers it only for requests that carry a token it issued.
	 * @param standIn the partner's stand-in
	 * @param environment the environment that may set the path under
	 * {@code demo.paths.<partner>}
	 */
	private static void serveDemoPath(PartnerStandIn standIn, ConfigurableEnvironment environment) {
		String path = environment.getProperty("demo.paths." + standIn.name(), "/");
		standIn.server()
			.stubFor(get(urlPathEqualTo(path)).willReturn(okJson("{\"" + standIn.name() + "\":[{\"id\":\"1\"}]}")));
	}

	/**
	 * Returns the variables that partner properties refer to without a default and that
	 * are not set, each with the first property that needs it. Only the value that wins
	 * for each property counts, so a variable whose property is set some other way is not
	 * needed.
	 * @param environment the application's environment
	 * @return each missing variable's name with the first property that needs it
	 */
	private static Map<String, String> missingVariables(ConfigurableEnvironment environment) {
		Iterable<ConfigurationPropertySource> sources = ConfigurationPropertySources.get(environment);
		Map<String, String> missing = new LinkedHashMap<>();
		for (ConfigurationPropertySource source : sources) {
			if (source instanceof IterableConfigurationPropertySource iterable) {
				iterable.filter(PARTNERS::isAncestorOf).forEach((name) -> {
					Matcher placeholders = REQUIRED_PLACEHOLDER.matcher(String.valueOf(effectiveValue(sources, name)));
					while (placeholders.find()) {
						String variable = placeholders.group(1);
						if (!StringUtils.hasText(environment.getProperty(variable))) {
							missing.putIfAbsent(variable, name.toString());
						}
					}
				});
			}
		}
		return missing;
	}

	private static Object effectiveValue(Iterable<ConfigurationPropertySource> sources,
			ConfigurationPropertyName name) {
		for (ConfigurationPropertySource source : sources) {
			ConfigurationProperty property = source.getConfigurationProperty(name);
			if (property != null) {
				return Objects.requireNonNullElse(property.getValue(), "");
			}
		}
		return "";
	}

}
