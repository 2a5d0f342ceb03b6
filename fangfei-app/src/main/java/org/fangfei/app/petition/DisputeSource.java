package org.fangfei.app.petition;

/** Where a dispute was found (seed 000: 来访来信, 实地巡查). */
public enum DisputeSource {

	VISIT("群众来访"), LETTER("群众来信"), PATROL("走访巡查"), GRID("网格上报"), OTHER("其他");

	private final String label;

	DisputeSource(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
