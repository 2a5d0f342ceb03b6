package org.fangfei.app.evaluation;

/** Where a nominated community stands in the drive. */
public enum CommunityStatus {

	NOMINATED("已推荐待自评"), SUBMITTED("自评已上报待审核"), RETURNED("已退回待补充"), CERTIFIED("已认定"), REVOKED("已撤销");

	private final String label;

	CommunityStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
