package org.fangfei.app.ledger;

/**
 * Where a township's monthly ledger stands between the township and the county office.
 */
public enum LedgerStatus {

	DRAFT("已生成待上报"), SUBMITTED("已上报待审核"), RETURNED("已退回待重报"), ACCEPTED("审核通过");

	private final String label;

	LedgerStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
