package org.fangfei.detect.archetype;

/**
 * The deposit-taking scheme split across two accounts, as sales companies fed the paying
 * platform (善林金融, 小牛资本): a collector takes the deposits and every few days forwards most
 * of what it holds to a payer account, which pays the monthly "interest"; the controllers
 * take their slices from the collector.
 */
final class TwoAccount extends Scheme {

	TwoAccount(Town town, int index, int start) {
		super(town, "TWO_ACCOUNT", index, start);
	}

	@Override
	void run() {
		int collector = company(this.t.names.company(), "COLLECTOR");
		int payer = this.t.chance(0.6) ? company(this.t.names.company(), "PAYER") : person("PAYER");
		int[] controllers = controllers();
		double perDay = between(0.3, 0.9);
		double growth = between(1.4, 2.0);
		double rate = between(0.015, 0.03);
		double share = between(0.05, 0.15);
		int forwardEvery = this.t.between(3, 10);
		double forwardShare = between(0.4, 0.7);
		int end = this.start + this.t.between(60, 150);
		long held = 0;
		long week = 0;
		long payerBalance = 0;
		for (int day = this.start; day < end; day++) {
			for (int n = joins(day, perDay, growth); n > 0; n--) {
				long in = deposit(day, this.t.chance(0.9) ? collector : payer, this.t.round(10_000, 200_000, 1000),
						term());
				held += in;
				week += in;
			}
			int age = day - this.start;
			if (age % forwardEvery == forwardEvery - 1 && held > 0) {
				long fwd = Math.round(held * forwardShare);
				this.t.pay(this.t.at(day, 9, 17), collector, payer, fwd, outMemo(), Ledger.Channel.ONLINE);
				held -= fwd;
				payerBalance += fwd;
			}
			if (age % 7 == 6) {
				long cut = Math.min(held, Math.round(week * share));
				slice(day, collector, controllers, cut);
				held -= cut;
				week = 0;
			}
			if (age % 30 == 29) {
				payerBalance -= interest(day, payer, rate, 20);
			}
			payerBalance -= maturities(day, payer);
			if (payerBalance < -held) {
				break;
			}
		}
	}

}
