package org.fangfei.app.patrol;

import java.util.List;

/**
 * What a grid worker checks on a visit (会宁县网格化实施意见 §三 工作重点): whether the subject is
 * lawfully registered, whether its fundraising was approved, whether it solicits from the
 * public at large, promises high returns, hides behind a lawful form, and whether
 * fundraising ads or street stalls were seen. Each question names the answer that is a
 * warning sign and how that sign reads in a finding.
 */
enum Question {

	LEGALLY_REGISTERED("legallyRegistered", "主体资格是否合法", Answer.NO, "主体资格不合法"),
	FUNDRAISING_APPROVED("fundraisingApproved", "集资活动是否获得批准", Answer.NO, "集资活动未获批准"),
	SOLICITS_PUBLIC("solicitsPublic", "是否向社会不特定对象募集资金", Answer.YES, "向社会不特定对象募集资金"),
	PROMISES_HIGH_RETURNS("promisesHighReturns", "是否承诺高额回报", Answer.YES, "承诺高额回报"),
	HIDES_BEHIND_LEGAL_FORM("hidesBehindLegalForm", "是否以合法形式掩盖非法集资", Answer.YES, "以合法形式掩盖非法集资"),
	ADS_OR_STALLS_SEEN("adsOrStallsSeen", "是否发现集资广告、摆摊设点宣传", Answer.YES, "发现涉嫌非法集资广告或摆摊设点宣传");

	private final String field;

	private final String label;

	private final Answer warning;

	private final String finding;

	Question(String field, String label, Answer warning, String finding) {
		this.field = field;
		this.label = label;
		this.warning = warning;
		this.finding = finding;
	}

	/** The form field and JSON property that carries the answer. */
	public String field() {
		return this.field;
	}

	public String label() {
		return this.label;
	}

	public String finding() {
		return this.finding;
	}

	/** Whether the answer is this question's warning sign. */
	public boolean isWarning(Answer answer) {
		return answer == this.warning;
	}

	/** The answers a worker may give; 不涉及 only where no money is raised. */
	public List<Answer> choices() {
		return this == FUNDRAISING_APPROVED ? List.of(Answer.YES, Answer.NO, Answer.UNKNOWN, Answer.NONE)
				: List.of(Answer.YES, Answer.NO, Answer.UNKNOWN);
	}

}
