package org.fangfei.app.campaign;

/**
 * How a unit stands on a task, as the board colours it: overdue wins over late, late over
 * on time.
 */
enum CellStatus {

	OVERDUE("逾期未报", "danger"), LATE("逾期补报", "warning"), DONE("按期报送", "success"), PENDING("待报送", "info"),
	NOT_YET("未到报送期", "secondary"), UNMAPPED("未对应单位", "light");

	private final String label;

	private final String colour;

	CellStatus(String label, String colour) {
		this.label = label;
		this.colour = colour;
	}

	public String label() {
		return this.label;
	}

	/** The Bootstrap colour name. */
	public String colour() {
		return this.colour;
	}

}
