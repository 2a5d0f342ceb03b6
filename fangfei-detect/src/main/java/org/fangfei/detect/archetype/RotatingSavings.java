package org.fangfei.detect.archetype;

import java.util.List;

import org.fangfei.detect.archetype.Ledger.Channel;

/**
 * 互助会 / 摇会 / 打会: the organiser (会头) and 8–30 acquaintances each pay a fixed sum every
 * month; the pot goes to one member in turn within days, the organiser first.
 */
final class RotatingSavings extends LookAlike {

	RotatingSavings(Town town, int index, int start) {
		super(town, "ROTATING_SAVINGS", index, start);
	}

	@Override
	void run() {
		int head = organiser();
		List<Integer> members = this.t.neighbours(this.t.between(8, 30));
		members.remove(Integer.valueOf(head));
		long each = this.t.round(500, 5_000, 100);
		int turn = 0;
		for (int day = this.start; day < this.t.days && turn <= members.size(); day += 30) {
			for (int m : members) {
				this.t.pay(this.t.at(day + this.t.between(0, 2), 8, 22), m, head, each, this.t.oneOf("", "会钱", "转账"),
						Channel.MOBILE);
			}
			if (turn > 0) {
				this.t.pay(this.t.at(day + this.t.between(2, 4), 9, 21), head, members.get(turn - 1),
						each * members.size(), this.t.oneOf("", "会钱"), Channel.MOBILE);
			}
			turn++;
		}
	}

}
