package org.fangfei.detect.archetype;

import org.fangfei.detect.archetype.Ledger.Channel;

/**
 * A farmers' co-operative used as a bank (濮阳 民富, 泗县 金家园, 馆陶 正信): villagers deposit "股金"
 * or "互助金" with the co-op directly or through village agents who forward it within days;
 * terms of 3, 6 or 12 months at 6–9 % (up to 18 %) a year, interest quarterly, principal
 * at maturity; most of the money is lent on to the head's own company.
 */
final class CoopDeposit extends Scheme {

	CoopDeposit(Town town, int index, int start) {
		super(town, "COOP_DEPOSIT", index, start);
	}

	@Override
	void run() {
		int coop = company(this.t.names.cooperative(), "COLLECTOR");
		int related = company(this.t.names.company(), "RELATED");
		int[] agents = new int[this.t.between(2, 4)];
		long[] held = new long[agents.length];
		for (int i = 0; i < agents.length; i++) {
			agents[i] = person("AGENT");
		}
		double perDay = between(0.3, 1.0);
		double growth = between(1.2, 1.5);
		double yearly = between(0.06, 0.12);
		long balance = 0;
		for (int day = this.start; day < this.t.days; day++) {
			for (int n = joins(day, perDay, growth); n > 0; n--) {
				int a = this.t.rng.nextInt(agents.length + 2);
				long fen = this.t.round(10_000, 200_000, 1000);
				if (a < agents.length) {
					deposit(day, agents[a], fen, term());
					held[a] += fen;
				}
				else {
					deposit(day, coop, fen, term());
					balance += fen;
				}
			}
			for (int a = 0; a < agents.length; a++) {
				if (held[a] > 0 && this.t.chance(0.35)) {
					this.t.pay(this.t.at(day, 16, 20), agents[a], coop, held[a], this.t.oneOf("", "代收股金", "转账"),
							Channel.MOBILE);
					balance += held[a];
					held[a] = 0;
				}
			}
			int age = day - this.start;
			if (age % 90 == 89) {
				balance -= interest(day, coop, yearly / 4, 30);
			}
			balance -= maturities(day, coop);
			if (age % 21 == 20 && balance > 0) {
				long lend = Math.round(balance * between(0.3, 0.6));
				this.t.pay(this.t.at(day, 9, 17), coop, related, lend, this.t.oneOf("借款", "往来款", ""), Channel.ONLINE);
				balance -= lend;
			}
		}
	}

	@Override
	String inMemo() {
		return this.t.oneOf("", "", "存款", "股金", "互助金", "转账");
	}

}
