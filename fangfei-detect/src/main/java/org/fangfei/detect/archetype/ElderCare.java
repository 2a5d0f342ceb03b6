package org.fangfei.detect.archetype;

import org.fangfei.detect.archetype.Ledger.Channel;

/**
 * 养老 membership schemes (长沙 爱之心, 乐平 太阳山, 益阳 纳诺): a care or health company sells
 * memberships in tiers of 1–50 万 yuan at a slowly rising pace, pays a little back on the
 * spot, then quarterly "interest" of 8–15 % a year, and spends on staff and a builder.
 */
final class ElderCare extends Scheme {

	private static final long[] TIERS = { 10_000, 20_000, 30_000, 50_000, 110_000, 300_000, 500_000 };

	ElderCare(Town town, int index, int start) {
		super(town, "ELDER_CARE", index, start);
	}

	@Override
	void run() {
		int company = company(this.t.names.company(this.t.chance(0.5) ? "养老服务" : "健康管理"), "COLLECTOR");
		int[] controllers = controllers();
		java.util.List<Integer> staff = this.t.sample(this.t.between(5, 15));
		int builder = this.t.builders[this.t.rng.nextInt(this.t.builders.length)];
		double perDay = between(0.2, 0.6);
		double growth = between(1.1, 1.4);
		double yearly = between(0.08, 0.15);
		int end = this.start + this.t.between(150, 300);
		long month = 0;
		for (int day = this.start; day < Math.min(end, this.t.days); day++) {
			for (int n = joins(day, perDay, growth); n > 0; n--) {
				long fen = TIERS[Math.min(TIERS.length - 1,
						(int) (TIERS.length * Math.pow(this.t.rng.nextDouble(), 2)))] * 100;
				deposit(day, company, fen, 0);
				month += fen;
				Deposit d = this.deposits.get(this.deposits.size() - 1);
				this.t.pay(this.t.at(day + this.t.between(0, 3), 9, 17), company, d.account(),
						Math.round(fen * between(0.01, 0.03)), this.t.oneOf("", "返利", "礼品款"), Channel.MOBILE);
			}
			int age = day - this.start;
			if (age % 90 == 89) {
				interest(day, company, yearly / 4, 30);
			}
			if (age % 30 == 29) {
				for (int s : staff) {
					this.t.pay(this.t.at(day, 9, 12), company, s, this.t.round(2_500, 6_000, 10), "工资",
							Channel.PAYROLL);
				}
				this.t.pay(this.t.at(day, 9, 17), company, builder, Math.round(month * between(0.2, 0.4)), "工程款",
						Channel.ONLINE);
				slice(day, company, controllers, Math.round(month * between(0.1, 0.2)));
				month = 0;
			}
		}
	}

}
