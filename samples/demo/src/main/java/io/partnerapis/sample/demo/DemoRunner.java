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

import java.io.PrintStream;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.partnerapis.PartnerApi;
import io.partnerapis.PartnerApi.UnauthorizedRetryOutcome;
import io.partnerapis.PartnerApis;
import io.partnerapis.observation.DefaultTokenFetchObservationConvention;
import io.partnerapis.sample.demo.fleet.FleetDemo;
import io.partnerapis.test.PartnerStandIns;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Calls each partner through the WebClient the starter made for it, one partner after the
 * other, then prints one row per partner: calls made and succeeded, token fetches, 401s
 * recovered and token fetch latency; against the stand-ins, it then shows a fleet of
 * three instances with and without the Redis token store ({@link FleetDemo}). Its exit
 * code is 1 if any call failed.
 */
@Component
class DemoRunner implements ApplicationRunner, ExitCodeGenerator {

	private static final String ROW = "%-11s %6s %6s %14s %14s %10s %10s  %s%n";

	private final List<CallPlan> plans;

	private final PartnerApis partnerApis;

	private final MeterRegistry meterRegistry;

	private final @Nullable PartnerStandIns standIns;

	private final ConfigurableEnvironment environment;

	private final PrintStream out = System.out;

	private volatile int exitCode;

	DemoRunner(@Qualifier("budsense") WebClient budsense, @Qualifier("bud") WebClient bud,
			@Qualifier("bemobi") WebClient bemobi, @Qualifier("smartsense") WebClient smartsense,
			@Qualifier("buoy") WebClient buoy, @Qualifier("ledger") WebClient ledger, DemoProperties properties,
			PartnerApis partnerApis, MeterRegistry meterRegistry, ObjectProvider<PartnerStandIns> standIns,
			ConfigurableEnvironment environment) {
		Map<String, String> paths = properties.getPaths();
		this.plans = List.of(CallPlan.inARow("budsense", budsense, paths.get("budsense"), 5),
				CallPlan.spaced("bud", bud, paths.get("bud"), 10, Duration.ofMillis(500)),
				CallPlan.atOnce("bemobi", bemobi, paths.get("bemobi"), 100),
				CallPlan.inARow("smartsense", smartsense, paths.get("smartsense"), 5),
				CallPlan.inARow("buoy", buoy, paths.get("buoy"), 6),
				CallPlan.inARow("ledger", ledger, paths.get("ledger"), 5));
		this.partnerApis = partnerApis;
		this.meterRegistry = meterRegistry;
		this.standIns = standIns.getIfAvailable();
		this.environment = environment;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.out.println((this.standIns != null)
				? "Calling " + this.plans.size() + " partners through partner-apis, against local stand-ins on "
						+ "127.0.0.1 (--spring.profiles.active=" + PartnerTargetsInitializer.LIVE_PROFILE
						+ " calls the real ones)."
				: "Calling " + this.plans.size() + " partners through partner-apis, against the real partners.");
		List<CallPlan.Outcome> outcomes = Flux.fromIterable(this.plans)
			.concatMap(CallPlan::execute)
			.collectList()
			.block(Duration.ofMinutes(2));
		this.out.println();
		this.out.printf(ROW, "partner", "calls", "ok", "token fetches", "401 recovered", "fetch avg", "fetch max",
				"scenario");
		outcomes.forEach(this::printRow);
		this.out.println("(Fetch times are those of the token requests; the run's first one includes the JVM "
				+ "warming up its HTTP client.)");
		this.out.println();
		int calls = outcomes.stream().mapToInt((outcome) -> outcome.plan().calls()).sum();
		int failed = outcomes.stream().mapToInt(CallPlan.Outcome::failed).sum();
		if (failed == 0) {
			this.out.println("All " + calls + " calls succeeded.");
		}
		else {
			this.out.println(failed + " of " + calls + " calls failed:");
			outcomes.stream()
				.filter((outcome) -> outcome.failed() > 0)
				.forEach((outcome) -> this.out.println("  " + outcome.plan().partner() + ": " + outcome.failed()
						+ " failed, the first with " + outcome.firstFailure()));
			this.exitCode = 1;
		}
		if (this.standIns != null && FleetDemo.run(this.out, this.environment) > 0) {
			this.exitCode = 1;
		}
	}

	private void printRow(CallPlan.Outcome outcome) {
		String partner = outcome.plan().partner();
		PartnerApi api = this.partnerApis.get(partner);
		Collection<Timer> timers = this.meterRegistry.find(DefaultTokenFetchObservationConvention.NAME)
			.tag("partner", partner)
			.timers();
		long count = timers.stream().mapToLong(Timer::count).sum();
		double total = timers.stream().mapToDouble((timer) -> timer.totalTime(TimeUnit.MILLISECONDS)).sum();
		double max = timers.stream().mapToDouble((timer) -> timer.max(TimeUnit.MILLISECONDS)).max().orElse(0);
		String scenario = outcome.plan().describe()
				+ ((this.standIns != null) ? "; stand-in: " + PartnerTargetsInitializer.behaviour(partner) : "");
		this.out.printf(ROW, partner, outcome.plan().calls(), outcome.succeeded(), api.getTokenState().fetches(),
				api.getUnauthorizedCount(UnauthorizedRetryOutcome.RECOVERED), millis(count, total / count),
				millis(count, max), scenario);
	}

	private static String millis(long count, double millis) {
		return (count > 0) ? Math.round(millis) + " ms" : "-";
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

}
