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

package io.partnerapis.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Starts, before a test's application context, a stand-in for every partner configured
 * under {@code partner.apis}, or only those {@linkplain #value() named}, and points each
 * partner's {@code token-uri} and {@code base-url} at its stand-in, so that the
 * application's own {@code application.yml} needs nothing test-specific, credentials
 * included. Use it on a {@code @SpringBootTest} or a slice and inject the
 * {@link PartnerStandIns}, which live as long as the context and are reset after each
 * test method. For example:
 *
 * <pre class="code">
 * &#064;SpringBootTest
 * &#064;AutoConfigurePartnerStandIns
 * class OrdersIntegrationTests {
 *
 * 	&#064;Autowired
 * 	PartnerStandIns standIns;
 *
 * }
 * </pre>
 *
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigurePartnerStandIns {

	/**
	 * Names of the partners to start stand-ins for; every configured partner when empty.
	 * @return the partners' names
	 */
	String[] value() default {};

}
