package org.fangfei.app.shared;

/**
 * One module's part of the demo county 会宁县 (演示数据): a bean that adds what the module does,
 * through the module's own services, so the demo shows everything the product does. The
 * parts run once each, in {@link #order()}, on the first start of an empty database with
 * {@code fangfei.demo} on (the default); {@link DemoData} records each part that ran, in
 * the same transaction as its rows, so a restart never adds a part twice and a part added
 * by a later release is added to a demo database on its next start. A real county starts
 * with {@code --fangfei.demo=false} and never gets any part.
 */
public interface DemoPart {

	/** Recorded once the part ran; never rename a part that has shipped. */
	String name();

	/**
	 * Lower runs first: the county 10, accounts 15, ledgers 20–60, the year of history
	 * 100+.
	 */
	int order();

	/**
	 * Whether the part belongs to the year of history (a few thousand records), which the
	 * tests' shared context leaves out ({@code fangfei.demo-history=false}).
	 */
	default boolean history() {
		return false;
	}

	/**
	 * Whether the part builds on what other modules' listeners made of the earlier parts'
	 * events (e.g. the cases waiting for the clues determined in the year): the part then
	 * starts once those events are delivered.
	 */
	default boolean awaitsEvents() {
		return false;
	}

	/**
	 * Adds the part through the module's own services. Runs in one transaction with the
	 * record that it ran; throwing rolls both back, and the part is tried again on the
	 * next start.
	 */
	void run();

}
