package io.partnerapis.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link PartnerTokenStoreUnavailableException}: what the configured token
 * store lacks, and the dependency or property that fixes it.
 */
class PartnerTokenStoreFailureAnalyzer extends AbstractFailureAnalyzer<PartnerTokenStoreUnavailableException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, PartnerTokenStoreUnavailableException cause) {
		return new FailureAnalysis("The partner token store cannot be created: " + cause.getMessage(),
				cause.getAction(), cause);
	}

}
