package io.partnerapis.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * {@link ObservationConvention} for token requests. Declare a bean of this type to
 * replace {@link DefaultTokenFetchObservationConvention}.
 *
 * @since 0.1.0
 */
public interface TokenFetchObservationConvention extends ObservationConvention<TokenFetchContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof TokenFetchContext;
	}

}
