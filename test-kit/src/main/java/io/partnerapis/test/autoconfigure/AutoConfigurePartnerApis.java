package io.partnerapis.test.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.json.AutoConfigureJson;

/**
 * Imports what a partner's clients need in a sliced test: the starter's
 * auto-configuration, Spring Boot's SSL, HTTP client, WebClient and RestClient
 * auto-configurations (those whose modules are on the class path), their HTTP service
 * groups, and JSON. The list is in
 * {@code META-INF/spring/io.partnerapis.test.autoconfigure.AutoConfigurePartnerApis.imports}.
 *
 * @author partner-apis
 * @since 0.1.0
 * @see PartnerApiTest
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@AutoConfigureJson
@ImportAutoConfiguration
public @interface AutoConfigurePartnerApis {

}
