package io.partnerapis.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * {@link ObservationConvention} for token requests. Declare a bean of this type to
 * replace {@link DefaultTokenFetchObservationConvention}.
 */
public interface TokenFetchObservationConvention extends ObservationConvention<TokenFetchContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof TokenFetchContext;
	}

}
