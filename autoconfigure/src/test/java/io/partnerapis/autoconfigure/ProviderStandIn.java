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

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.partnerapis.test.standin.StandInServer;
import io.partnerapis.test.standin.StandInSettings;
import io.partnerapis.testsupport.MutableClock;
import io.partnerapis.testsupport.PartnerContexts;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * A provider's stand-in (the partner's dialect, as the test kit and the demo speak it)
 * for one test, stopped after it, with a context runner whose partner of the provider's
 * name is pointed at it with the credentials it accepts. The stand-in and the application
 * read the same {@link MutableClock}, so moving it expires tokens on both sides.
 */
final class ProviderStandIn implements AfterEachCallback {

	private final List<StandInServer> started = new ArrayList<>();

	private final MutableClock clock = new MutableClock();

	private final StandInServer standIn;

	ProviderStandIn(String provider) {
		this.standIn = start(StandInSettings.of(provider, "client-" + provider, "secret-" + provider));
	}

	/**
	 * Starts another stand-in, also stopped after the test.
	 * @param settings what it accepts
	 * @return the running stand-in
	 */
	StandInServer start(StandInSettings settings) {
		StandInServer server = StandInServer.start(settings, this.clock);
		this.started.add(server);
		return server;
	}

	StandInServer server() {
		return this.standIn;
	}

	MutableClock clock() {
		return this.clock;
	}

	/**
	 * Returns a context runner whose partner is pointed at the stand-in and reads the
	 * stand-in's clock.
	 * @return the runner
	 */
	ApplicationContextRunner contextRunner() {
		return contextRunner(this.standIn);
	}

	/**
	 * Returns a context runner whose partner is pointed at the given stand-in and reads
	 * the stand-ins' clock.
	 * @param standIn the stand-in
	 * @return the runner
	 */
	ApplicationContextRunner contextRunner(StandInServer standIn) {
		StandInSettings settings = standIn.settings();
		String prefix = "partner.apis." + settings.partner() + ".";
		List<String> properties = new ArrayList<>();
		properties.add(prefix + "client-id=" + settings.clientId());
		properties.add(prefix + "client-secret=" + settings.clientSecret());
		properties.add(prefix + "environment=" + (settings.isSandbox() ? "sandbox" : "production"));
		standIn.properties().forEach((name, value) -> properties.add(name + "=" + value));
		return PartnerContexts.runner()
			.withPropertyValues(properties.toArray(String[]::new))
			.withBean(Clock.class, () -> this.clock);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		this.started.forEach(StandInServer::close);
	}

}
