package org.fangfei.detect.archetype;

import java.util.List;

import org.fangfei.detect.archetype.Ledger.Channel;

/**
 * An employee share plan: employees of one employer (who also pays their wages) pay
 * 5,000–50,000 into the plan account within a subscription window of two to four weeks;
 * the plan forwards it to the company in one or two large transfers; a yearly dividend
 * comes back through the plan.
 */
final class EmployeeShares extends LookAlike {

	EmployeeShares(Town town, int index, int start) {
		super(town, "EMPLOYEE_SHARES", index, start);
	}

	@Override
	void run() {
		int e = index(this.t.employers.length);
		int company = this.t.employers[e];
		int plan = organisation(this.t.names.place2() + "员工持股企业管理合伙企业(有限合伙)");
		List<Integer> staff = this.t.staffOf(e, this.t.between(30, 200));
		int window = this.t.between(14, 28);
		long total = 0;
		long[] paid = new long[staff.size()];
		for (int i = 0; i < staff.size(); i++) {
			if (this.t.chance(0.7)) {
				paid[i] = this.t.round(5_000, 50_000, 1000);
				total += paid[i];
				this.t.pay(this.t.at(this.start + this.t.rng.nextInt(window), 8, 22), staff.get(i), plan, paid[i],
						this.t.oneOf("认购款", "持股计划", ""), Channel.MOBILE);
			}
		}
		int parts = this.t.between(1, 2);
		for (int k = 0; k < parts; k++) {
			this.t.pay(this.t.at(this.start + window + 2 + 3 * k, 9, 17), plan, company, total / parts, "增资款",
					Channel.ONLINE);
		}
		int dividend = this.start + window + this.t.between(60, 110);
		long pot = Math.round(total * (0.05 + 0.07 * this.t.rng.nextDouble()));
		this.t.pay(this.t.at(dividend, 9, 12), company, plan, pot, "分红", Channel.ONLINE);
		for (int i = 0; i < staff.size(); i++) {
			if (paid[i] > 0) {
				this.t.pay(this.t.at(dividend + this.t.between(1, 3), 9, 17), plan, staff.get(i), pot * paid[i] / total,
						"分红", Channel.ONLINE);
			}
		}
	}

	/** Larger employers (low indices) are likelier to run a plan. */
	private int index(int n) {
		return this.t.rng.nextInt(Math.max(1, n / 4));
	}

}
