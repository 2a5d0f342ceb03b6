package org.fangfei.detect.archetype;

import java.util.List;

import org.fangfei.detect.archetype.Ledger.Channel;

/**
 * 社区团购 团长: collects neighbours' orders on one or two days a week and pays the supplier
 * 85–90 % of it the next day (the rest is the commission).
 */
final class GroupBuying extends LookAlike {

	GroupBuying(Town town, int index, int start) {
		super(town, "GROUP_BUYING", index, start);
	}

	@Override
	void run() {
		int organiser = organiser();
		List<Integer> neighbours = this.t.neighbours(this.t.between(40, 200));
		int supplier = this.t.wholesalers[this.t.rng.nextInt(this.t.wholesalers.length)];
		double share = 0.3 + 0.4 * this.t.rng.nextDouble();
		int[] orderDays = this.t.chance(0.5) ? new int[] { 1 } : new int[] { 1, 4 };
		for (int day = this.start; day < this.t.days; day++) {
			for (int od : orderDays) {
				if ((day - this.start) % 7 == od) {
					long sum = 0;
					for (int n : neighbours) {
						if (this.t.chance(share)) {
							long fen = this.t.fen(20, 300);
							this.t.pay(this.t.at(day, 7, 22), n, organiser, fen, this.t.oneOf("", "团购", "接龙"),
									Channel.MOBILE);
							sum += fen;
						}
					}
					this.t.pay(this.t.at(day + 1, 8, 12), organiser, supplier,
							Math.round(sum * (0.85 + 0.05 * this.t.rng.nextDouble())), "货款", Channel.MOBILE);
				}
			}
		}
	}

}
