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

package io.partnerapis.sample.webmvc;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * A Spring MVC (servlet stack) application, on virtual threads where the JDK has them,
 * that calls SmartSense through the partner-apis starter in two blocking styles: a
 * declarative HTTP interface in an HTTP service group, and the partner's RestClient.
 */
@SpringBootApplication(proxyBeanMethods = false)
@ImportHttpServices(group = "smartsense", types = SmartSenseApi.class)
public class WebMvcSampleApplication {

	/**
	 * Starts the application.
	 * @param args the command-line arguments
	 */
	public static void main(String[] args) {
		SpringApplication.run(WebMvcSampleApplication.class, args);
	}

}
