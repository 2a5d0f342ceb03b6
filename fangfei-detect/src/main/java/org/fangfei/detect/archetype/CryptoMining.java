package org.fangfei.detect.archetype;

import org.fangfei.detect.archetype.Ledger.Channel;

/**
 * 虚拟币 "算力" / "矿机" schemes: investors pay the organiser's personal account, which forwards
 * most of it every few days to OTC coin dealers and pays investors small "withdrawals"
 * from new money; after 6–14 weeks the payouts stop and the rest leaves in one transfer.
 */
final class CryptoMining extends Scheme {

	CryptoMining(Town town, int index, int start) {
		super(town, "CRYPTO_MINING", index, start);
	}

	@Override
	void run() {
		int organiser = person("COLLECTOR");
		int[] dealers = new int[this.t.between(2, 4)];
		for (int i = 0; i < dealers.length; i++) {
			dealers[i] = this.t.outsideAccount("OTC_DEALER");
		}
		double perDay = between(0.4, 1.2);
		double growth = between(1.6, 2.6);
		double daily = between(0.005, 0.015);
		int end = this.start + this.t.between(42, 98);
		long balance = 0;
		for (int day = this.start; day < end; day++) {
			for (int n = joins(day, perDay, growth); n > 0; n--) {
				balance += deposit(day, organiser, this.t.round(2_000, 100_000, 100), 0);
			}
			if (this.t.chance(0.35) && balance > 0) {
				long fwd = Math.round(balance * between(0.6, 0.9));
				this.t.pay(this.t.at(day, 10, 23), organiser, dealers[this.t.rng.nextInt(dealers.length)], fwd, "",
						Channel.MOBILE);
				balance -= fwd;
			}
			for (Deposit d : this.deposits) {
				if (d.day() < day && this.t.chance(0.1)) {
					long out = Math.round(d.fen() * daily * 10);
					this.t.pay(this.t.at(day, 9, 23), organiser, d.account(), out, this.t.oneOf("", "提现", "转账"),
							Channel.MOBILE);
					balance -= out;
				}
			}
		}
		if (balance > 0) {
			this.t.pay(this.t.at(end, 1, 5), organiser, dealers[0], balance, "", Channel.MOBILE);
		}
	}

}
