package org.fangfei.detect.archetype;

import java.util.ArrayDeque;
import java.util.Deque;

import org.fangfei.detect.archetype.Ledger.Channel;

/**
 * 善心汇: every new member buys a 300-yuan "善种子" from the company, whose account passes the
 * fees to the controllers; then members pay larger sums ("布施") directly to earlier
 * members, in the platform's order, each earlier member receiving 1.2–1.5 times what they
 * gave. Membership grows several-fold a month; no account pays a batch.
 */
final class MutualAidMatrix extends Scheme {

	MutualAidMatrix(Town town, int index, int start) {
		super(town, "MUTUAL_AID_MATRIX", index, start);
	}

	@Override
	void run() {
		int company = company(this.t.names.company("文化传播"), "COLLECTOR");
		int[] controllers = controllers();
		double perDay = between(0.5, 1.2);
		double growth = between(2.0, 3.0);
		int end = this.start + this.t.between(60, 150);
		Deque<long[]> owed = new ArrayDeque<>();
		long fees = 0;
		for (int day = this.start; day < Math.min(end, this.t.days); day++) {
			for (int n = joins(day, perDay, growth); n > 0; n--) {
				fees += 30_000;
				int member = this.t.anyone();
				this.t.involve(member, "MEMBER");
				this.t.pay(this.t.at(day, 8, 22), member, company, 30_000, this.t.oneOf("", "服务费", "转账"),
						Channel.MOBILE);
				long give = this.t.round(1_000, 30_000, 100);
				help(day, member, give, owed);
				owed.addLast(new long[] { member, Math.round(give * between(1.2, 1.5)) });
			}
			if ((day - this.start) % 7 == 6) {
				slice(day, company, controllers, Math.round(fees * between(0.8, 0.95)));
				fees = 0;
			}
		}
	}

	/** The new member pays earlier members, oldest claims first. */
	private void help(int day, int member, long give, Deque<long[]> owed) {
		long left = give;
		int when = day + this.t.between(1, 10);
		while (left > 0 && !owed.isEmpty()) {
			long[] claim = owed.peekFirst();
			long part = Math.min(left, claim[1]);
			this.t.pay(this.t.at(when, 8, 22), member, (int) claim[0], part, this.t.oneOf("", "", "帮助", "转账"),
					Channel.MOBILE);
			claim[1] -= part;
			left -= part;
			if (claim[1] == 0) {
				owed.pollFirst();
			}
		}
	}

}
