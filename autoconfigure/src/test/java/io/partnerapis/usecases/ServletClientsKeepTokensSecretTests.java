package io.partnerapis.usecases;

import java.time.Duration;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.service.HttpServiceClientPropertiesAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.service.ReactiveHttpServiceClientAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.registry.HttpServiceGroup;
import org.springframework.web.service.registry.ImportHttpServices;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No token shows in any log line at any level when a partner is called through its
 * RestClient and through a WebClient HTTP service group, even with Spring's request
 * details logging turned on for the application.
 */
@ExtendWith(OutputCaptureExtension.class)
class ServletClientsKeepTokensSecretTests {

	private static final String TOKEN = "tok-DDDD-servlet-side";

	private final PartnerStub partner = new PartnerStub();

	private Level rootLevel;

	@BeforeEach
	void logEverything() {
		Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		this.rootLevel = root.getLevel();
		root.setLevel(Level.TRACE);
	}

	@AfterEach
	void restore() {
		((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(this.rootLevel);
		this.partner.close();
	}

	@Test
	void tokenAppearsInNoLogLine(CapturedOutput output) {
		this.partner.stub(post(urlPathEqualTo(PartnerStub.TOKEN_PATH))
			.willReturn(PartnerStub.json(PartnerStub.tokenResponse(TOKEN, 3600))));
		this.partner.apiAnswers("/things", TOKEN, 200);
		this.partner.contextRunner("acme")
			.withConfiguration(AutoConfigurations.of(HttpServiceClientPropertiesAutoConfiguration.class,
					ReactiveHttpServiceClientAutoConfiguration.class))
			.withUserConfiguration(WebClientGroup.class)
			.withPropertyValues("spring.codec.log-request-details=true")
			.run((context) -> {
				assertThat(PartnerStub.call(context.getBean("acmeRestClient", RestClient.class), "/things"))
					.isEqualTo(200);
				assertThat(context.getBean(AcmeApi.class).things().block(Duration.ofSeconds(10))).isEqualTo("{}");
			});
		assertThat(this.partner.apiRequests()).hasSize(2)
			.allSatisfy((request) -> assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN));
		assertThat(output.getAll()).as("logging ran at trace level").contains("TRACE").contains("DEBUG");
		assertThat(output.getAll()).doesNotContain(TOKEN);
	}

	interface AcmeApi {

		@GetExchange("/things")
		Mono<String> things();

	}

	@Configuration(proxyBeanMethods = false)
	@ImportHttpServices(group = "acme", types = AcmeApi.class, clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
	static class WebClientGroup {

	}

}
