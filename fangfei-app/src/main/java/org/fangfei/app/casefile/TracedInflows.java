package org.fangfei.app.casefile;

import java.util.OptionalLong;

/**
 * Port the case ledger owns and the fund tracing implements (like {@link StabilityGate}):
 * what the bank statements traced for a case say a participant paid into the scheme, to
 * check a claim against (issue 20). The participant is named by the blind index of their
 * ID number, made with the purpose {@link #ID_NUMBER_PURPOSE}, so that the tracing can
 * index the counterparties' ID numbers its statements show the same way without the case
 * ledger handing out a number. Until an implementation exists, {@link None} answers that
 * nothing was traced.
 */
public interface TracedInflows {

	/**
	 * The blind-index purpose of a participant's ID number (as the register stores it).
	 */
	String ID_NUMBER_PURPOSE = Participants.ID_NUMBER;

	/**
	 * Fen traced from the participant into the case's accounts; empty when not traced.
	 */
	OptionalLong tracedFen(long caseId, String idNumberIndex);

	/** No statements traced: used only when no other implementation is present. */
	class None implements TracedInflows {

		@Override
		public OptionalLong tracedFen(long caseId, String idNumberIndex) {
			return OptionalLong.empty();
		}

	}

}
