package org.fangfei.app.warning;

/**
 * 风险等级 as the index places a subject: at or above a cut-off ({@link WarningSettings}).
 * {@link #rank()} orders them; entering {@link #ORANGE} or {@link #RED} from below raises
 * a warning.
 */
enum Tier {

	RED("红色", "#d9363e", 3), ORANGE("橙色", "#f08c00", 2), YELLOW("黄色", "#e6c300", 1), BLUE("蓝色", "#2f6fd6", 0);

	private final String label;

	private final String colour;

	private final int rank;

	Tier(String label, String colour, int rank) {
		this.label = label;
		this.colour = colour;
		this.rank = rank;
	}

	public String label() {
		return this.label;
	}

	public String colour() {
		return this.colour;
	}

	public int rank() {
		return this.rank;
	}

	/** Whether entering this tier pushes a warning. */
	boolean warns() {
		return this.rank >= ORANGE.rank;
	}

}
