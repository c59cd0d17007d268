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

package io.partnerapis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.BeanWrapperImpl;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.json.JsonParserFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The property reference in the README is the javadoc of {@link PartnerApisProperties}
 * and the defaults of its fields, so it cannot drift from the code; and every property in
 * the generated configuration metadata has a description.
 */
class PropertyReferenceTests {

	private static final Path SOURCE = Path.of("src/main/java/io/partnerapis/PartnerApisProperties.java");

	private static final Path README = Path.of("../README.md");

	private static final Pattern FIELD = Pattern.compile(
			"/\\*\\*\\s*\\n((?:\\s*\\*.*\\n)+?)\\s*\\*/\\s*\\n\\s*private (?:final )?([\\w<>, .@]+?) (\\w+)(?: =|;)");

	@Test
	void readmePropertyReferenceMatchesTheCode() throws IOException {
		String readme = Files.readString(README);
		int start = readme.indexOf("<!-- properties:start -->");
		int end = readme.indexOf("<!-- properties:end -->");
		assertThat(start).as("README property reference markers").isNotNegative();
		assertThat(end).isGreaterThan(start);
		String documented = readme.substring(start + "<!-- properties:start -->".length(), end).strip();
		assertThat(documented).as("README property reference; regenerate it from this expected text")
			.isEqualTo(expectedReference());
	}

	@Test
	void everyPropertyHasJavadoc() throws IOException {
		List<String[]> fields = fields(Files.readString(SOURCE));
		assertThat(fields).extracting((field) -> field[0])
			.contains("provider", "clientId", "clientSecret", "tokenUri", "baseUrl", "scopes", "audience",
					"clientAuthenticationMethod", "refreshBeforeExpiry", "retryOnUnauthorized", "requestFormat",
					"responsePath", "renewalGrant", "maxRetries");
		assertThat(fields).allSatisfy((field) -> assertThat(field[1]).as(field[0]).isNotBlank().endsWith("."));
	}

	@Test
	@SuppressWarnings("unchecked")
	void everyGeneratedMetadataPropertyHasADescription() throws IOException {
		Path metadata = Path.of("target/classes/META-INF/spring-configuration-metadata.json");
		Map<String, Object> json = JsonParserFactory.getJsonParser().parseMap(Files.readString(metadata));
		List<Map<String, Object>> properties = (List<Map<String, Object>>) json.get("properties");
		assertThat(properties).isNotEmpty()
			.allSatisfy((property) -> assertThat((String) property.get("description")).as((String) property.get("name"))
				.isNotBlank());
	}

	private static final Set<String> GROUPS = Set.of("token", "clientAssertion", "ssl");

	private static String expectedReference() throws IOException {
		String source = Files.readString(SOURCE);
		String storeSource = section(source, "public static class TokenStore {");
		String apiSource = section(source, "public static class Api {");
		String tokenSource = section(source, "public static class Token {");
		String assertionSource = section(source, "public static class ClientAssertion {");
		String sslSource = section(source, "public static class Ssl {");
		StringBuilder table = new StringBuilder("| Property | Description | Default |\n|---|---|---|\n");
		PartnerApisProperties properties = new PartnerApisProperties();
		PartnerApisProperties.Api api = new PartnerApisProperties.Api();
		append(table, "partner.token-store.", fields(storeSource), new BeanWrapperImpl(properties.getTokenStore()));
		append(table, "partner.apis.<name>.", fields(apiSource), new BeanWrapperImpl(api));
		append(table, "partner.apis.<name>.client-assertion.", fields(assertionSource),
				new BeanWrapperImpl(api.getClientAssertion()));
		append(table, "partner.apis.<name>.ssl.", fields(sslSource), new BeanWrapperImpl(api.getSsl()));
		append(table, "partner.apis.<name>.token.", fields(tokenSource), new BeanWrapperImpl(api.getToken()));
		return table.toString().strip();
	}

	/**
	 * Returns the source of one nested class: from its declaration to the next nested
	 * class or enum declaration.
	 */
	private static String section(String source, String declaration) {
		int start = source.indexOf(declaration);
		int end = source.length();
		for (String next : new String[] { "public static class ", "public enum " }) {
			int index = source.indexOf(next, start + declaration.length());
			if (index != -1 && index < end) {
				end = index;
			}
		}
		return source.substring(start, end);
	}

	private static void append(StringBuilder table, String prefix, List<String[]> fields, BeanWrapperImpl bean) {
		for (String[] field : fields) {
			if (GROUPS.contains(field[0])) {
				continue;
			}
			String name = prefix + kebab(field[0]) + (field[2].startsWith("Map<") ? ".<key>" : "");
			table.append("| `")
				.append(name)
				.append("` | ")
				.append(field[1])
				.append(" | ")
				.append(format(bean.getPropertyValue(field[0])))
				.append(" |\n");
		}
	}

	private static List<String[]> fields(String source) {
		List<String[]> fields = new ArrayList<>();
		Matcher matcher = FIELD.matcher(source);
		while (matcher.find()) {
			String description = matcher.group(1).replaceAll("\\s*\\*\\s?", " ").replaceAll("\\s+", " ").strip();
			fields.add(new String[] { matcher.group(3), description, matcher.group(2).replace("@Nullable ", "") });
		}
		return fields;
	}

	private static String kebab(String camel) {
		return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

	private static String format(Object value) {
		if (value == null || (value instanceof Collection<?> collection && collection.isEmpty())
				|| (value instanceof Map<?, ?> map && map.isEmpty())) {
			return "";
		}
		if (value instanceof Duration duration) {
			ChronoUnit unit = (duration.toMillis() % 60_000 == 0) ? ChronoUnit.MINUTES
					: (duration.toMillis() % 1000 == 0) ? ChronoUnit.SECONDS : ChronoUnit.MILLIS;
			return "`" + DurationStyle.SIMPLE.print(duration, unit) + "`";
		}
		if (value instanceof Enum<?> constant) {
			return "`" + constant.name().toLowerCase(Locale.ROOT) + "`";
		}
		return "`" + value + "`";
	}

}
