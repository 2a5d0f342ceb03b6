package org.fangfei.app.casefile;

import java.util.OptionalLong;

/**
 * The hook for checking a claim against traced bank inflows (issue 20: statements traced
 * for a case). Until that exists, {@link None} answers that nothing was traced and the
 * office page says so; issue 20 replaces it with an implementation that returns what the
 * participant's accounts, matched by the ID number's blind index, are traced to have paid
 * into the scheme.
 */
interface TracedInflows {

	/**
	 * Fen traced from the participant into the case's accounts; empty when not traced.
	 */
	OptionalLong tracedFen(long caseId, String idNumberIndex);

	/** No statements traced yet. */
	@org.springframework.stereotype.Component
	class None implements TracedInflows {

		@Override
		public OptionalLong tracedFen(long caseId, String idNumberIndex) {
			return OptionalLong.empty();
		}

	}

}
