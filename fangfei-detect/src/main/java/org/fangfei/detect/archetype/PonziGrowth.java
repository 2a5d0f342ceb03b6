package org.fangfei.detect.archetype;

import org.fangfei.detect.archetype.Ledger.Channel;

/**
 * 钱宝网 / e租宝 scaled to a county: an ordinary company collects deposits from investors who
 * join faster every month, pays monthly "interest" to everyone in (so each batch is
 * larger than the last), repays some principal at maturity, sends a slice of each week's
 * take to its controllers, and stops paying when the money runs short or after a few
 * months.
 */
final class PonziGrowth extends Scheme {

	PonziGrowth(Town town, int index, int start) {
		super(town, "PONZI_GROWTH", index, start);
	}

	@Override
	void run() {
		int collector = company(this.t.names.company(), "COLLECTOR");
		int[] controllers = controllers();
		int landlord = this.t.anyone();
		double perDay = between(0.3, 0.9);
		double growth = between(1.4, 2.2);
		double rate = between(0.015, 0.03);
		double share = between(0.05, 0.2);
		int end = this.start + this.t.between(60, 150);
		long balance = 0;
		long week = 0;
		for (int day = this.start; day < end; day++) {
			for (int n = joins(day, perDay, growth); n > 0; n--) {
				long in = deposit(day, collector, this.t.round(10_000, 200_000, 1000), term());
				balance += in;
				week += in;
			}
			int age = day - this.start;
			if (age % 7 == 6) {
				slice(day, collector, controllers, Math.round(week * share));
				balance -= Math.round(week * share);
				week = 0;
			}
			if (age % 30 == 29) {
				long rent = this.t.round(3_000, 10_000, 100);
				this.t.pay(this.t.at(day, 9, 17), collector, landlord, rent, "房租", Channel.ONLINE);
				balance -= rent + interest(day, collector, rate, 20);
			}
			balance -= maturities(day, collector);
			if (balance < 0) {
				break;
			}
		}
	}

}
