package org.fangfei.detect.generate;

import java.util.ArrayList;
import java.util.List;

import org.fangfei.detect.Pattern;

/**
 * The planted schemes of {@code generate}, one quarter per pattern, each with a light
 * background of ordinary business with a few regular contacts. Their transfers are
 * scheduled at set-up and replayed day by day.
 */
final class Plants {

	private final World w;

	final int[] accounts;

	final Pattern[] pattern;

	private final int[][] contacts;

	private final List<List<long[]>> events = new ArrayList<>();

	private static final int[] MEMO_WORDS = { Flows.m("投资款"), Flows.m("理财本金"), Flows.m("认购款"), Flows.m("入股资金"),
			Flows.m("分红计划认购"), Flows.m("返利项目"), Flows.m("理财") };

	Plants(World w, int[] accounts, int perPattern) {
		this.w = w;
		this.accounts = accounts;
		this.pattern = new Pattern[accounts.length];
		for (int i = 0; i < accounts.length; i++) {
			this.pattern[i] = Pattern.values()[i / perPattern];
		}
		this.contacts = new int[accounts.length][];
		for (int d = 0; d < w.days; d++) {
			this.events.add(new ArrayList<>());
		}
	}

	void setUp() {
		for (int i = 0; i < this.accounts.length; i++) {
			this.contacts[i] = new int[3 + this.w.rnd.nextInt(4)];
			for (int k = 0; k < this.contacts[i].length; k++) {
				this.contacts[i][k] = this.w.pick(this.w.people);
			}
			switch (this.pattern[i]) {
				case SCATTER_IN_GATHER_OUT -> scatter(this.accounts[i]);
				case PERIODIC_BATCH_PAYOUT -> periodic(this.accounts[i]);
				case COUNTERPARTY_SURGE -> surge(this.accounts[i], this.contacts[i]);
				case FUNDRAISING_MEMO -> memo(this.accounts[i]);
			}
		}
	}

	private void at(int day, int sec, int from, int to, long fen, int memo) {
		if (day >= 0 && day < this.w.days) {
			this.events.get(day).add(new long[] { sec, from, to, fen, memo });
		}
	}

	private int plainMemo() {
		double r = this.w.rnd.nextDouble();
		return (r < 0.8) ? 0 : (r < 0.9) ? Flows.m("转账") : Flows.m("货款");
	}

	private void scatter(int a) {
		World w = this.w;
		int s = 30 + w.rnd.nextInt(w.days - 60);
		int k = 25 + w.rnd.nextInt(126);
		int c = 3 + w.rnd.nextInt(8);
		long sum = 0;
		for (int j = 0; j < k; j++) {
			long fen = w.chance(0.85) ? w.logUniform(100_000, 5_000_000) : w.logUniform(30_000, 100_000);
			sum += fen;
			at(s + w.rnd.nextInt(c), w.second(7, 23), w.pick(w.people), a, fen, plainMemo());
		}
		int m = 1 + w.rnd.nextInt(3);
		long out = (long) (sum * (0.75 + 0.2 * w.rnd.nextDouble()));
		for (int j = 0; j < m; j++) {
			long part = (j == m - 1) ? out : out / (m - j) + (long) ((w.rnd.nextDouble() - 0.5) * out / (m - j) / 2);
			out -= part;
			at(s + c + w.rnd.nextInt(3), w.second(9, 17), a, w.pick(w.people), part, plainMemo());
		}
	}

	private void periodic(int a) {
		World w = this.w;
		int period = w.chance(0.6) ? 30 : 7;
		int s = 5 + w.rnd.nextInt(Math.max(1, w.days - 3 * period - 45));
		int k = 20 + w.rnd.nextInt(101);
		int joinSpan = (period == 30) ? 40 : 20;
		double rate = (period == 30) ? 0.01 + 0.02 * w.rnd.nextDouble() : 0.0025 + 0.0045 * w.rnd.nextDouble();
		int[] who = new int[k];
		int[] join = new int[k];
		long[] principal = new long[k];
		for (int j = 0; j < k; j++) {
			who[j] = w.pick(w.people);
			join[j] = s + w.rnd.nextInt(joinSpan);
			principal[j] = w.logUniform(1_000_000, 10_000_000);
			int memo = w.chance(0.3) ? MEMO_WORDS[w.rnd.nextInt(2)] : 0;
			at(join[j], w.second(8, 22), who[j], a, principal[j], memo);
		}
		int payMemo = w.chance(0.5) ? Flows.m("利息") : w.chance(0.5) ? Flows.m("分红") : 0;
		for (int day = s + period; day < w.days; day += period) {
			int pd = day + ((period == 30) ? w.rnd.nextInt(3) - 1 : 0);
			int sec = w.second(9, 12);
			for (int j = 0; j < k; j++) {
				if (join[j] < pd) {
					at(pd, sec + w.rnd.nextInt(7200), a, who[j], (long) (principal[j] * rate), payMemo);
				}
			}
		}
	}

	private void surge(int a, int[] clients) {
		World w = this.w;
		for (int client : clients) {
			int first = w.rnd.nextInt(30);
			long fen = w.logUniform(200_000, 2_000_000);
			for (int d = first; d < w.days; d += 30) {
				at(d, w.second(9, 17), client, a, fen, Flows.m("货款"));
			}
		}
		int s = 45 + w.rnd.nextInt(w.days - 60);
		int k = 35 + w.rnd.nextInt(86);
		int span = 3 + w.rnd.nextInt(4);
		long sum = 0;
		for (int j = 0; j < k; j++) {
			long fen = w.logUniform(50_000, 2_000_000);
			sum += fen;
			double r = w.rnd.nextDouble();
			int memo = (r < 0.6) ? 0 : (r < 0.8) ? Flows.m("订金") : Flows.m("预付款");
			at(s + w.rnd.nextInt(span), w.second(7, 23), w.pick(w.people), a, fen, memo);
		}
		for (int d = s + span; d < w.days; d += 2 + w.rnd.nextInt(3)) {
			at(d, w.second(9, 17), a, w.pick(w.people), sum / 20, Flows.m("货款"));
		}
	}

	private void memo(int a) {
		World w = this.w;
		int s = 10 + w.rnd.nextInt(w.days - 40);
		int k = 12 + w.rnd.nextInt(29);
		int span = 7 + w.rnd.nextInt(18);
		for (int j = 0; j < k; j++) {
			at(s + w.rnd.nextInt(span), w.second(7, 23), w.pick(w.people), a, w.logUniform(500_000, 5_000_000),
					MEMO_WORDS[w.rnd.nextInt(MEMO_WORDS.length)]);
		}
	}

	void day(int d, Emitter e) {
		for (long[] ev : this.events.get(d)) {
			e.add((int) ev[0], (int) ev[1], (int) ev[2], ev[3], (int) ev[4], 0);
		}
		for (int i = 0; i < this.accounts.length; i++) {
			int[] c = this.contacts[i];
			if (this.w.chance(0.05)) {
				e.add(this.w.second(8, 20), c[this.w.rnd.nextInt(c.length)], this.accounts[i],
						this.w.logUniform(100_000, 2_000_000), Flows.m("货款"), 1);
			}
			if (this.w.chance(0.05)) {
				e.add(this.w.second(8, 20), this.accounts[i], c[this.w.rnd.nextInt(c.length)],
						this.w.logUniform(50_000, 1_000_000), Flows.m("货款"), 1);
			}
		}
	}

}
