package org.fangfei.detect.archetype;

import java.util.List;

import org.fangfei.detect.archetype.Ledger.Channel;

/**
 * 班费 collected by a parent of the 家委会: 35–55 parents pay 50–500 within a few days at the
 * start of term and again when it is spent; the parent pays a bookshop or print shop.
 */
final class ClassFund extends LookAlike {

	ClassFund(Town town, int index, int start) {
		super(town, "CLASS_FUND", index, start);
	}

	@Override
	void run() {
		int parent = organiser();
		List<Integer> parents = this.t.sample(this.t.between(35, 55));
		long each = this.t.round(50, 500, 50);
		int bookshop = this.t.bookshops[this.t.rng.nextInt(this.t.bookshops.length)];
		for (int round = this.start; round < this.t.days; round += this.t.between(45, 120)) {
			long sum = 0;
			for (int p : parents) {
				if (this.t.chance(0.95)) {
					this.t.pay(this.t.at(round + this.t.between(0, 3), 7, 23), p, parent, each,
							this.t.oneOf("班费", "", "资料费"), Channel.MOBILE);
					sum += each;
				}
			}
			for (int k = 0; k < this.t.between(1, 3); k++) {
				this.t.pay(this.t.at(round + 5 + 10 * k, 9, 17), parent, bookshop, sum / 3, "资料费", Channel.MOBILE);
			}
		}
	}

}
