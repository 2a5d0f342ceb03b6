package org.fangfei.app.casefile;

/**
 * 比对结果 (policy): how a self-registered claim compares with the case's participants'
 * register, matched by ID number through the blind index. Amounts that differ by any fen
 * differ: the office decides, the page shows both side by side.
 */
enum ClaimMatch {

	FOUND("台账有记录，金额一致"), NOT_FOUND("台账无记录"), AMOUNTS_DIFFER("台账有记录，金额不一致");

	private final String label;

	ClaimMatch(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/**
	 * Compares the claimed figures with the register's; {@code registerInvested} null
	 * when the register has no one with that ID number.
	 */
	static ClaimMatch of(long claimedInvested, long claimedReceived, Long registerInvested, Long registerReceived) {
		if (registerInvested == null) {
			return NOT_FOUND;
		}
		boolean same = claimedInvested == registerInvested
				&& claimedReceived == (registerReceived == null ? 0 : registerReceived);
		return same ? FOUND : AMOUNTS_DIFFER;
	}

}
