package org.fangfei.detect.archetype;

import java.util.List;

import org.fangfei.detect.archetype.Ledger.Channel;

/**
 * A real farmers' co-operative: members pay their share (入股) once within a few weeks, the
 * co-op buys inputs, is paid by a produce buyer at harvest, pays members for their
 * produce, and pays one yearly dividend on the shares (合作社法: surplus returned mainly by
 * trade volume).
 */
final class CoopDividend extends LookAlike {

	CoopDividend(Town town, int index, int start) {
		super(town, "COOP_DIVIDEND", index, start);
	}

	@Override
	void run() {
		int coop = organisation(this.t.names.cooperative());
		List<Integer> members = this.t.neighbours(this.t.between(30, 200));
		long[] shares = new long[members.size()];
		long total = 0;
		int window = this.t.between(14, 28);
		for (int i = 0; i < members.size(); i++) {
			shares[i] = this.t.round(1_000, 5_000, 500);
			total += shares[i];
			this.t.pay(this.t.at(this.start + this.t.rng.nextInt(window), 8, 20), members.get(i), coop, shares[i],
					this.t.oneOf("入股", "股金", "", ""), Channel.MOBILE);
		}
		int supplier = this.t.wholesalers[this.t.rng.nextInt(this.t.wholesalers.length)];
		for (int k = 0; k < this.t.between(1, 3); k++) {
			this.t.pay(this.t.at(this.start + window + 5 + 10 * k, 9, 17), coop, supplier, Math.round(total * 0.8 / 3),
					"农资款", Channel.ONLINE);
		}
		int harvest = this.start + this.t.between(45, 75);
		long sales = total * this.t.between(3, 6);
		this.t.pay(this.t.at(harvest, 9, 17), this.t.produceBuyers[this.t.rng.nextInt(this.t.produceBuyers.length)],
				coop, sales, "货款", Channel.ONLINE);
		for (int i = 0; i < members.size(); i++) {
			this.t.pay(this.t.at(harvest + this.t.between(1, 7), 9, 17), coop, members.get(i),
					Math.round(sales * 0.8 / members.size() * (0.5 + this.t.rng.nextDouble())), "收购款", Channel.ONLINE);
		}
		int dividend = harvest + this.t.between(15, 40);
		double rate = 0.05 + 0.05 * this.t.rng.nextDouble();
		for (int i = 0; i < members.size(); i++) {
			this.t.pay(this.t.at(dividend + this.t.between(0, 2), 9, 17), coop, members.get(i),
					Math.round(shares[i] * rate), this.t.oneOf("分红", "盈余返还", ""), Channel.ONLINE);
		}
	}

}
