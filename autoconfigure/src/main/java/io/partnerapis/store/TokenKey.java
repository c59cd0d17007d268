package io.partnerapis.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Identifies the token of one partner in a {@link PartnerTokenStore}: the partner's name
 * and a fingerprint of what the token was issued for (token URI, client id, scopes and
 * audience), so that two applications that name a partner alike but hold different
 * credentials never share a token. The fingerprint is a digest: it reveals no credential.
 *
 * @param partner the partner's name
 * @param fingerprint hex digest of the token URI, client id, scopes and audience
 * @since 0.2.0
 */
public record TokenKey(String partner, String fingerprint) {

	private static final int FINGERPRINT_BYTES = 16;

	/**
	 * Creates a new key.
	 */
	public TokenKey {
		Assert.hasText(partner, "'partner' must not be empty");
		Assert.hasText(fingerprint, "'fingerprint' must not be empty");
	}

	/**
	 * Creates the key of a partner's token from what the token is issued for.
	 * @param partner the partner's name
	 * @param tokenUri the token endpoint's URI
	 * @param clientId the client id, or {@code null}
	 * @param scopes the requested scopes, in any order
	 * @param audience the requested audience, or {@code null}
	 * @return the key
	 */
	public static TokenKey of(String partner, @Nullable String tokenUri, @Nullable String clientId,
			Collection<String> scopes, @Nullable String audience) {
		String identity = String.join("\n", String.valueOf(tokenUri), String.valueOf(clientId),
				String.join(" ", new TreeSet<>(scopes)), String.valueOf(audience));
		return new TokenKey(partner, digest(identity));
	}

	/**
	 * Creates the key of a partner's token from what the token is issued for and how the
	 * client authenticates.
	 * @param partner the partner's name
	 * @param tokenUri the token endpoint's URI
	 * @param clientId the client id, or {@code null}
	 * @param scopes the requested scopes, in any order
	 * @param audience the requested audience, or {@code null}
	 * @param clientAuthentication what identifies the client's authentication without a
	 * secret: its method, and a key id or certificate thumbprint
	 * @return the key
	 */
	public static TokenKey of(String partner, @Nullable String tokenUri, @Nullable String clientId,
			Collection<String> scopes, @Nullable String audience, String clientAuthentication) {
		String identity = String.join("\n", String.valueOf(tokenUri), String.valueOf(clientId),
				String.join(" ", new TreeSet<>(scopes)), String.valueOf(audience), clientAuthentication);
		return new TokenKey(partner, digest(identity));
	}

	private static String digest(String identity) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, FINGERPRINT_BYTES);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
