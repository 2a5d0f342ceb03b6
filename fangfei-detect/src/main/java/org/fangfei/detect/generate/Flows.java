package org.fangfei.detect.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One day of ordinary life in the {@link World}: purchases, wages, fees, rent, loans,
 * deposits.
 */
final class Flows {

	private static final Map<String, Integer> MEMO = new HashMap<>();

	static {
		for (int i = 0; i < World.MEMOS.length; i++) {
			MEMO.put(World.MEMOS[i], i);
		}
	}

	private static final int[] P2P = { m("还钱"), m("饭钱"), m("红包"), m("生活费"), m("借款") };

	private static final int[] REPAY = { m("还款"), m("本金"), m("利息"), m("本金及利息"), m("还款本金") };

	private final World w;

	private final int[][] depositors;

	Flows(World w) {
		this.w = w;
		int[] banks = w.byKind[6];
		List<List<Integer>> lists = new ArrayList<>();
		Map<Integer, Integer> index = new HashMap<>();
		for (int i = 0; i < banks.length; i++) {
			index.put(banks[i], i);
			lists.add(new ArrayList<>());
		}
		for (int p : w.people) {
			if (w.bank[p] >= 0) {
				lists.get(index.get(w.bank[p])).add(p);
			}
		}
		this.depositors = lists.stream()
			.map((l) -> l.stream().mapToInt(Integer::intValue).toArray())
			.toArray(int[][]::new);
	}

	static int m(String memo) {
		Integer i = MEMO.get(memo);
		if (i == null) {
			throw new IllegalStateException(memo);
		}
		return i;
	}

	void day(int d, Emitter e) {
		LocalDate date = this.w.date(d);
		int dom = date.getDayOfMonth();
		int month = date.getMonthValue();
		int dow = date.getDayOfWeek().getValue();
		double season = (d >= 33 && d < 47) ? 1.6 : 1.0;
		for (int p : this.w.people) {
			person(p, d, dom, month, season, e);
		}
		institutions(d, dom, month, dow, e);
	}

	private void person(int p, int d, int dom, int month, double season, Emitter e) {
		World w = this.w;
		if (w.chance(0.13 * season)) {
			int shop = w.chance((season > 1) ? 0.6 : 0.8) ? w.favShops[p * 4 + w.rnd.nextInt(4)] : w.pick(w.byKind[1]);
			long fen = Math.max(100, Math.min(500_000, (long) Math.exp(Math.log(4500) + 0.9 * w.rnd.nextGaussian())));
			w.balance[shop] += fen;
			e.add(w.second(8, 22), p, shop, fen, 0, 3);
		}
		if (w.chance(0.03)) {
			double r = w.rnd.nextDouble();
			int memo = (r < 0.55) ? 0 : (r < 0.95) ? P2P[w.rnd.nextInt(P2P.length)]
					: (r < 0.97) ? m("利息") : (r < 0.98) ? m("分红") : (r < 0.99) ? m("本金") : m("货款,含运费");
			e.add(w.second(7, 23), p, w.friends[p * 5 + w.rnd.nextInt(5)], w.logUniform(5_000, 300_000), memo, 0);
		}
		if (w.bank[p] >= 0) {
			if (d == w.firstDeposit[p] || (d > w.firstDeposit[p] && w.chance(0.008))) {
				long fen = (d == w.firstDeposit[p]) ? w.logUniform(500_000, 20_000_000)
						: w.logUniform(100_000, 5_000_000);
				w.balance[p] += fen;
				e.add(w.second(9, 17), p, w.bank[p], fen, m("存款"), 2);
			}
			else if (w.balance[p] > 0 && w.chance(0.006)) {
				long fen = Math.min(w.balance[p] / 5, 300_000);
				w.balance[p] -= fen;
				e.add(w.second(9, 17), w.bank[p], p, fen, m("取款"), 2);
			}
		}
		if (w.landlord[p] >= 0 && dom == 1 + p % 5) {
			e.add(w.second(8, 21), p, w.landlord[p], w.rent[p], m("房租"), 0);
		}
		if (w.property[p] >= 0 && dom == 1 + p % 10) {
			int mode = w.feeMode[p];
			long fen = (mode == 0) ? w.fee[p] : (mode == 1 && (month - 1) % 3 == 0) ? 3 * w.fee[p]
					: (mode == 2 && month == 1) ? 12 * w.fee[p] : 0;
			if (fen > 0) {
				w.balance[w.property[p]] += fen;
				e.add(w.second(8, 22), p, w.property[p], fen, m("物业费"), 0);
			}
		}
		if (w.school[p] >= 0) {
			if (!w.newStudent[p] && dom == 1 + p % 5) {
				e.add(w.second(8, 21), p, w.school[p], 30_000 + (p % 7) * 5_000L, m("伙食费"), 0);
			}
			if (d == 49 + p % 12) {
				long fen = 200_000 + (p % 9) * 50_000L;
				w.balance[w.school[p]] += fen;
				e.add(w.second(8, 21), p, w.school[p], fen, m("学费"), 0);
			}
		}
		if (w.lender[p] >= 0 && d >= w.loanStart[p]) {
			if (d == w.loanStart[p]) {
				e.add(w.second(9, 17), w.lender[p], p, w.principal[p], m("放款"), 1);
			}
			else if ((d - w.loanStart[p]) % 30 == 0) {
				long fen = w.principal[p] / 12 + w.principal[p] / 100;
				e.add(w.second(8, 20), p, w.lender[p], fen, REPAY[w.rnd.nextInt(REPAY.length)], 0);
			}
		}
		if (w.employer[p] >= 0 && w.chance(0.0003)) {
			e.add(w.second(9, 18), p, w.employer[p], w.logUniform(50_000, 300_000), m("购货款"), 0);
		}
	}

	private void institutions(int d, int dom, int month, int dow, Emitter e) {
		World w = this.w;
		for (int k : new int[] { 0, 2, 3 }) {
			for (int emp : w.byKind[k]) {
				boolean pay = w.weekly[emp] ? dow == 1 + w.payday[emp] % 5 : dom == w.payday[emp];
				if (pay) {
					int sec = w.second(9, 11);
					for (int s : w.staff[emp]) {
						e.add(sec + w.rnd.nextInt(1800), emp, s, w.salary[s], m("代发工资"), 1);
					}
				}
				if (k == 0 && w.chance(0.1)) {
					e.add(w.second(9, 17), w.pick(w.byKind[0]), emp, w.logUniform(2_000_000, 30_000_000), m("货款"), 1);
				}
			}
		}
		for (int s : w.byKind[1]) {
			int every = (s % 10 < 7) ? 1 : 2 + s % 2;
			if (d % every == 0 && w.balance[s] > 0) {
				long fen = (long) (w.balance[s] * (0.85 + 0.15 * w.rnd.nextDouble()));
				w.balance[s] -= fen;
				e.add(w.second(21, 23), s, w.owner[s], fen, m("营业款归集"), 1);
			}
		}
		for (int s : w.byKind[2]) {
			if (s % 2 == 0 && d == 63 + s % 3 && w.balance[s] > 0) {
				long fen = w.balance[s] * 9 / 10;
				w.balance[s] -= fen;
				e.add(w.second(9, 16), s, w.fiscal, fen, m("学费上缴"), 1);
			}
		}
		for (int p : w.byKind[3]) {
			if (dom == 18 && w.balance[p] > 0) {
				long fen = (long) (w.balance[p] * (0.8 + 0.15 * w.rnd.nextDouble()));
				w.balance[p] -= fen;
				e.add(w.second(9, 16), p, w.hq[p], fen, m("物业费归集"), 1);
			}
		}
		for (int l : w.byKind[4]) {
			if (dom == 20) {
				e.add(w.second(9, 16), l, w.byKind[6][l % w.byKind[6].length], 300_000 + (l % 50) * 10_000L, m("房贷"),
						1);
			}
		}
		for (int l : w.byKind[5]) {
			if (d % 30 == 0) {
				e.add(w.second(9, 16), w.pick(w.byKind[6]), l, w.logUniform(100_000_000, 500_000_000), m("资金划拨"), 1);
			}
		}
		for (int b = 0; b < this.depositors.length; b++) {
			int bank = w.byKind[6][b];
			boolean quarter = dom == 21 && month % 3 == 0;
			boolean monthly = dom == 1 && d > 0;
			if (!quarter && !monthly) {
				continue;
			}
			int sec = w.second(1, 4);
			for (int p : this.depositors[b]) {
				long fen = quarter ? w.balance[p] * 35 / 10_000
						: (w.monthlyProduct[p] ? w.balance[p] * (200 + p % 11 * 10) / 120_000 : 0);
				if (fen > 0) {
					e.add(sec + w.rnd.nextInt(3600), bank, p, fen, quarter ? m("结息") : m("利息"), 1);
				}
			}
		}
	}

	static int[] sortedCopy(int[] a) {
		int[] c = a.clone();
		Arrays.sort(c);
		return c;
	}

}
