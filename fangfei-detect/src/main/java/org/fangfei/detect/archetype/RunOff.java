package org.fangfei.detect.archetype;

/**
 * The head runs (曲阳 东旭合作社's agent, 邯郸 李某, a coin "砸盘"): a few weeks of collection from a
 * growing number of people, sometimes a small cash-back on the spot, then one transfer of
 * nearly everything to an outside account, then silence.
 */
final class RunOff extends Scheme {

	RunOff(Town town, int index, int start) {
		super(town, "RUN_OFF", index, start);
	}

	@Override
	void run() {
		int collector = this.t.chance(0.5) ? company(this.t.names.company(), "COLLECTOR") : person("COLLECTOR");
		int sink = this.t.outsideAccount("OUTSIDE");
		mark(sink, "SINK");
		double perDay = between(0.5, 2.0);
		double growth = between(1.8, 3.0);
		boolean cashBack = this.t.chance(0.3);
		int end = this.start + this.t.between(14, 42);
		long balance = 0;
		for (int day = this.start; day < end; day++) {
			for (int n = joins(day, perDay, growth); n > 0; n--) {
				long in = deposit(day, collector, this.t.round(5_000, 100_000, 1000), 0);
				balance += in;
				if (cashBack) {
					long back = Math.round(in * between(0.01, 0.03));
					Deposit d = this.deposits.get(this.deposits.size() - 1);
					this.t.pay(this.t.at(day + this.t.between(0, 3), 9, 18), collector, d.account(), back, outMemo(),
							Ledger.Channel.MOBILE);
					balance -= back;
				}
			}
		}
		this.t.pay(this.t.at(end, 8, 20), collector, sink, Math.round(balance * between(0.85, 0.98)), "",
				Ledger.Channel.COUNTER);
	}

}
