package org.fangfei.app.petition;

/** Where a petition stands: 待受理 → 办理中 (受理并告知) → 已答复 → 已办结 (满意度已记录), or 不予受理. */
public enum PetitionStatus {

	RECEIVED("待受理"), ACCEPTED("办理中"), NOT_ACCEPTED("不予受理"), REPLIED("已答复"), CLOSED("已办结");

	private final String label;

	PetitionStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
