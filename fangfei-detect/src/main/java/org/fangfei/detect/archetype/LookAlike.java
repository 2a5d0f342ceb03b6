package org.fangfei.detect.archetype;

/**
 * One legitimate look-alike: its central account is labelled {@code LOOKALIKE} with its
 * kind, id and start day. The businesses it pays (hospital, hotel, supplier) stay
 * background.
 */
abstract class LookAlike {

	final Town t;

	final String kind;

	final String id;

	final int start;

	LookAlike(Town town, String kind, int index, int start) {
		this.t = town;
		this.kind = kind;
		this.id = kind + "-" + index;
		this.start = start;
	}

	abstract void run();

	void mark(int account, String role) {
		this.t.label(account, "LOOKALIKE", this.kind, this.id, this.start, role);
	}

	int organiser() {
		int a = this.t.freshPerson();
		mark(a, "ORGANISER");
		return a;
	}

	int organisation(String name) {
		int a = this.t.ledger.openCorporate(name);
		mark(a, "ORGANISER");
		return a;
	}

}
