package org.fangfei.app.tip;

/**
 * What a member of the public sends (举报). Everything is text as typed; {@link TipRules}
 * checks it.
 *
 * @param regionCode the township or village where it happens (12 digits), optional when
 * the subject is found in the ledger
 * @param subjectName whom it is about: a company, shop or person
 * @param subjectAddress where they are
 * @param subjectBusiness what they do
 * @param whatHappened what happened
 * @param amount amount involved in yuan, if known
 * @param peopleCount people involved, if known
 * @param anonymous no name given; then no reward
 * @param reporterName real name (stored encrypted, never in the clue)
 * @param reporterPhone phone (stored encrypted)
 * @param reporterContact other contact, e.g. address (stored encrypted)
 * @param wantsReward asks for a reward (needs real name and phone)
 * @param declaredStaff the reporter declares being staff of a member unit or a close
 * relative of staff (no reward)
 * @param captcha the answer to the picture
 * @param website honeypot: hidden from people, filled only by robots
 */
record TipForm(String regionCode, String subjectName, String subjectAddress, String subjectBusiness,
		String whatHappened, String amount, String peopleCount, Boolean anonymous, String reporterName,
		String reporterPhone, String reporterContact, Boolean wantsReward, Boolean declaredStaff, String captcha,
		String website) {

	/** Unticked boxes are not sent by the browser: anonymous unless said otherwise. */
	TipForm {
		anonymous = anonymous == null || anonymous;
		wantsReward = wantsReward != null && wantsReward;
		declaredStaff = declaredStaff != null && declaredStaff;
	}

	static TipForm blank() {
		return new TipForm("", "", "", "", "", "", "", true, "", "", "", false, false, "", "");
	}

}
