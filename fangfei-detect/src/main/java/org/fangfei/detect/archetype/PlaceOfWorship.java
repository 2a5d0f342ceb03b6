package org.fangfei.detect.archetype;

import java.util.List;

import org.fangfei.detect.archetype.Ledger.Channel;

/**
 * A temple (donations every day, peaks on the lunar 1st and 15th) or a church (weekly
 * offerings on Sundays) with the same regulars returning; staff, utilities and, now and
 * then, a builder.
 */
final class PlaceOfWorship extends LookAlike {

	/**
	 * Days of 2024's new moons (lunar 1st) as days of the stream; the 15th is 14 days
	 * later.
	 */
	private static final int[] NEW_MOONS = { 10, 39, 69, 99, 128, 157, 187, 216, 246, 276, 305, 335 };

	private final boolean temple;

	PlaceOfWorship(Town town, int index, int start, boolean temple) {
		super(town, temple ? "TEMPLE" : "CHURCH", index, start);
		this.temple = temple;
	}

	@Override
	void run() {
		int place = organisation(this.temple ? this.t.names.place2() + "寺" : this.t.names.place2() + "基督教堂");
		List<Integer> regulars = this.t.neighbours(this.t.between(100, 600));
		int builder = this.t.builders[this.t.rng.nextInt(this.t.builders.length)];
		long month = 0;
		for (int day = this.start; day < this.t.days; day++) {
			double p = this.temple ? (peak(day) ? 0.25 : 0.01) : (day % 7 == 6 ? 0.5 : 0.0);
			for (int r : regulars) {
				if (this.t.chance(p)) {
					long fen = this.t.chance(0.9) ? this.t.round(10, 200, 10) : this.t.round(200, 5_000, 100);
					this.t.pay(this.t.at(day, 6, 20), r, place, fen, this.t.oneOf("", "功德", "奉献", "香火"),
							Channel.MOBILE);
					month += fen;
				}
			}
			if ((day - this.start) % 30 == 29) {
				this.t.pay(this.t.at(day, 9, 17), place, this.t.utilities[0], Math.round(month * 0.05), "",
						Channel.ONLINE);
				if (this.t.chance(0.25)) {
					this.t.pay(this.t.at(day, 9, 17), place, builder, Math.round(month * 2.5), "修缮款", Channel.ONLINE);
				}
				month = 0;
			}
		}
	}

	private static boolean peak(int day) {
		for (int m : NEW_MOONS) {
			if (day == m || day == m + 14) {
				return true;
			}
		}
		return false;
	}

}
