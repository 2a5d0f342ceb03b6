package org.fangfei.app.evaluation;

/**
 * The creation standards of a 无非法集资社区(村) (seed 002, 六、创建标准) as checklist items, each
 * filled from the records where the system has them and by the township's evidence
 * otherwise.
 */
enum Standard {

	/**
	 * 002 (一): 1–2 named staff in the community — the organisation module's people there.
	 */
	STAFF("明确1-2名村(社区)打击和处置非法集资工作人员", true),
	/**
	 * 002 (二): the linkage with 市场监管 and 公安 — met by the records when the year's clues in
	 * the community were handled with both (received from, led or assisted by them, or
	 * handed to the police; measure {@code clue.linked}), otherwise by the township's
	 * evidence.
	 */
	LINKAGE("与市场监管、公安等部门建立联动预警机制", true),
	/**
	 * 002 (三): outreach as a routine — the year's outreach activities in the community.
	 */
	OUTREACH("防范非法集资宣传常态化(本年度开展宣传活动)", true),
	/**
	 * 002 (三): a high awareness rate — the awareness surveys answered in the community.
	 */
	AWARENESS("群众知晓率高(知晓率调查不低于80%)", true),
	/**
	 * 002 (一): no illegal fund-raising — no case opened in the community this year; no
	 * evidence replaces it.
	 */
	NO_CASE("辖区内无新发非法集资案件", false);

	/** The awareness rate a community must reach, in per cent. */
	static final int AWARENESS_RATE = 80;

	private final String label;

	private final boolean evidenceAllowed;

	Standard(String label, boolean evidenceAllowed) {
		this.label = label;
		this.evidenceAllowed = evidenceAllowed;
	}

	public String label() {
		return this.label;
	}

	/** Whether the township's evidence can meet the standard when the records do not. */
	public boolean evidenceAllowed() {
		return this.evidenceAllowed;
	}

}
