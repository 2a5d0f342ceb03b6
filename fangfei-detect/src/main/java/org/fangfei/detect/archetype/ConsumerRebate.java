package org.fangfei.detect.archetype;

import java.util.ArrayList;
import java.util.List;

import org.fangfei.detect.archetype.Ledger.Channel;

/**
 * 消费返利 (临沂 利客购, 云联惠): members and shop owners pay a "commission" of 10 % on real or fake
 * purchases, membership grows fast, each member's rebate accrues daily and is withdrawn
 * in small sums by a rolling part of the members every day; the controllers take weekly
 * slices; the platform stops paying after some months.
 */
final class ConsumerRebate extends Scheme {

	ConsumerRebate(Town town, int index, int start) {
		super(town, "CONSUMER_REBATE", index, start);
	}

	@Override
	void run() {
		int platform = company(this.t.names.company(this.t.chance(0.5) ? "电子商务" : "网络科技"), "COLLECTOR");
		int[] controllers = controllers();
		List<int[]> shops = new ArrayList<>();
		double perDay = between(0.5, 1.5);
		double growth = between(1.8, 2.5);
		double daily = between(0.001, 0.003);
		int end = this.start + this.t.between(90, 200);
		List<long[]> accrued = new ArrayList<>();
		long week = 0;
		for (int day = this.start; day < Math.min(end, this.t.days); day++) {
			for (int n = joins(day, perDay, growth); n > 0; n--) {
				week += deposit(day, platform, this.t.round(100, 5_000, 10), 0);
				accrued.add(new long[] { 0 });
				if (this.t.chance(0.05)) {
					shops.add(new int[] { this.t.shops[this.t.rng.nextInt(this.t.shops.length)] });
				}
			}
			for (int[] shop : shops) {
				if ((day + shop[0]) % 7 == 0) {
					long fen = this.t.round(200, 5_000, 10);
					this.t.pay(this.t.at(day, 20, 23), shop[0], platform, fen, inMemo(), Channel.ONLINE);
					week += fen;
				}
			}
			for (int i = 0; i < this.deposits.size(); i++) {
				long[] a = accrued.get(i);
				a[0] += Math.round(this.deposits.get(i).fen() * daily);
				if (a[0] >= 5_000 && this.t.chance(1.0 / 7)) {
					this.t.pay(this.t.at(day, 9, 21), platform, this.deposits.get(i).account(), a[0],
							this.t.oneOf("", "提现", "转账"), Channel.ONLINE);
					a[0] = 0;
				}
			}
			if ((day - this.start) % 7 == 6) {
				slice(day, platform, controllers, Math.round(week * between(0.1, 0.2)));
				week = 0;
			}
		}
	}

}
