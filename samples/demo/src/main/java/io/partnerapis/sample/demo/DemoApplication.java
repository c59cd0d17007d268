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

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Calls six partners through the partner-apis starter and prints, per partner, what it
 * took: calls, token fetches, 401s recovered and token fetch latency. Runs against local
 * stand-ins for the partners unless the {@code live} profile is active; the stand-in of
 * the sixth, which authenticates its clients by {@code private_key_jwt}, registers a key
 * pair it generates at start.
 */
@SpringBootApplication(proxyBeanMethods = false)
@EnableConfigurationProperties(DemoProperties.class)
public class DemoApplication {

	/**
	 * Runs the demo and exits with its exit code: 0 when every call succeeded.
	 * @param args the command-line arguments, such as
	 * {@code --spring.profiles.active=live}
	 */
	public static void main(String[] args) {
		System.exit(run(args));
	}

	/**
	 * Runs the demo and returns its exit code.
	 * @param args the command-line arguments
	 * @return 0 when every call succeeded, 1 when one failed
	 */
	public static int run(String... args) {
		return SpringApplication.exit(application().run(args));
	}

	/**
	 * Returns the demo application, ready to run: its partners are pointed at local
	 * stand-ins, or, with the {@code live} profile, checked for credentials, before the
	 * context starts.
	 * @return the application
	 */
	public static SpringApplication application() {
		SpringApplication application = new SpringApplication(DemoApplication.class);
		application.addInitializers(new PartnerTargetsInitializer());
		return application;
	}

}
