package io.partnerapis.autoconfigure;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SafeUrls}.
 */
class SafeUrlsTests {

	@Test
	void urlWithoutSecretsIsShownAsItIs() {
		assertThat(SafeUrls.describe("https://api.acme.example:8443/v1/things"))
			.isEqualTo("https://api.acme.example:8443/v1/things");
	}

	@Test
	void userInformationIsHidden() {
		assertThat(SafeUrls.describe("https://user:secret@api.acme.example/v1"))
			.isEqualTo("https://…@api.acme.example/v1");
		assertThat(SafeUrls.describe("https://user:p@ss@api.acme.example")).isEqualTo("https://…@api.acme.example");
	}

	@Test
	void queryAndFragmentAreHidden() {
		assertThat(SafeUrls.describe("https://api.acme.example/v1?api_key=secret"))
			.isEqualTo("https://api.acme.example/v1?…");
		assertThat(SafeUrls.describe("https://api.acme.example/v1#secret")).isEqualTo("https://api.acme.example/v1#…");
	}

	@Test
	void malformedUrlsAreHandledTheSameWay() {
		assertThat(SafeUrls.describe("https://user:secret@api acme example/?key=secret"))
			.isEqualTo("https://…@api acme example/?…");
		assertThat(SafeUrls.describe("user:secret@host")).isEqualTo("…@host");
		assertThat(SafeUrls.describe("/oauth/token")).isEqualTo("/oauth/token");
	}

	@Test
	void anAtSignInThePathIsNotUserInformation() {
		assertThat(SafeUrls.describe("https://api.acme.example/users/@me"))
			.isEqualTo("https://api.acme.example/users/@me");
	}

}
