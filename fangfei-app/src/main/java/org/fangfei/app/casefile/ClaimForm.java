package org.fangfei.app.casefile;

/**
 * The public registration form as typed (amounts in yuan); {@code website} is a honeypot
 * that people never see.
 */
record ClaimForm(Long windowId, String name, String idNumber, String phone, String invested, String received,
		String bankName, String accountHolder, String account, Claimant claimant, String claimantName,
		String claimantIdNumber, String relation, String statement, String captcha, String website) {

	static ClaimForm blank(Long windowId) {
		return new ClaimForm(windowId, "", "", "", "", "0", "", "", "", Claimant.SELF, "", "", "", "", "", "");
	}

	/** The form to show again: never the captcha, never the honeypot. */
	ClaimForm forRedisplay() {
		return new ClaimForm(this.windowId, this.name, this.idNumber, this.phone, this.invested, this.received,
				this.bankName, this.accountHolder, this.account, this.claimant == null ? Claimant.SELF : this.claimant,
				this.claimantName, this.claimantIdNumber, this.relation, this.statement, "", "");
	}

}
