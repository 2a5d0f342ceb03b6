package org.fangfei.detect.archetype;

import java.util.ArrayList;
import java.util.List;

import org.fangfei.detect.archetype.Ledger.Channel;

/**
 * One planted scheme: its accounts are labelled {@code SCHEME} with the archetype, the
 * scheme id and its start day (the day the first money came in). The helpers model what
 * the documented cases share: investors joining at a growing pace, periodic "interest" to
 * everyone in, slices to the controllers.
 */
abstract class Scheme {

	/** One investor's deposit. */
	record Deposit(int account, long fen, int day, int termDays) {
	}

	final Town t;

	final String type;

	final String id;

	final int start;

	/** Whether this scheme's investors and payouts sometimes write telling memos. */
	final boolean telling;

	final List<Deposit> deposits = new ArrayList<>();

	Scheme(Town town, String type, int index, int start) {
		this.t = town;
		this.type = type;
		this.id = type + "-" + index;
		this.start = start;
		this.telling = town.chance(0.25);
	}

	abstract void run();

	void mark(int account, String role) {
		this.t.label(account, "SCHEME", this.type, this.id, this.start, role);
	}

	/**
	 * A company account for the scheme; half of them are existing companies with a few
	 * months of ordinary business before the scheme starts (rent, clients, suppliers).
	 */
	int company(String name, String role) {
		int a = this.t.ledger.openCorporate(name);
		mark(a, role);
		if (this.t.chance(0.5)) {
			history(a);
		}
		return a;
	}

	private void history(int account) {
		int from = Math.max(0, this.start - this.t.between(30, 150));
		int landlord = this.t.anyone();
		long rent = this.t.round(2_000, 8_000, 100);
		for (int day = from; day < this.start; day++) {
			if ((day - from) % 30 == 0) {
				this.t.pay(this.t.at(day, 9, 17), account, landlord, rent, "房租", Channel.ONLINE);
			}
			if (this.t.chance(1 / 7.0)) {
				this.t.pay(this.t.at(day, 9, 17), this.t.employers[this.t.rng.nextInt(this.t.employers.length)],
						account, this.t.round(1_000, 30_000, 100), this.t.oneOf("货款", "服务费", ""), Channel.ONLINE);
			}
			if (this.t.chance(1 / 10.0)) {
				this.t.pay(this.t.at(day, 9, 17), account,
						this.t.wholesalers[this.t.rng.nextInt(this.t.wholesalers.length)],
						this.t.round(500, 20_000, 100), "货款", Channel.ONLINE);
			}
		}
	}

	int person(String role) {
		int a = this.t.freshPerson();
		mark(a, role);
		return a;
	}

	int[] controllers() {
		int[] c = new int[this.t.between(1, 3)];
		for (int i = 0; i < c.length; i++) {
			c[i] = person("CONTROLLER");
		}
		return c;
	}

	/**
	 * How many join on {@code day}: {@code perDay} at the start, times {@code growth} a
	 * month.
	 */
	int joins(int day, double perDay, double growth) {
		int n = this.t.poisson(perDay * Math.pow(growth, (day - this.start) / 30.0));
		return (day == this.start) ? Math.max(1, n) : n;
	}

	/** An investor's memo: mostly empty or neutral. */
	String inMemo() {
		if (this.telling && this.t.chance(0.4)) {
			return this.t.oneOf("投资款", "理财", "认购");
		}
		return this.t.oneOf("", "", "", "转账", "往来款");
	}

	/** A payout's memo: mostly empty or neutral. */
	String outMemo() {
		if (this.telling && this.t.chance(0.4)) {
			return this.t.oneOf("利息", "收益", "分红");
		}
		return this.t.oneOf("", "", "转账", "往来款");
	}

	/** A new investor pays in; returns the amount. */
	long deposit(int day, int into, long fen, int termDays) {
		int who = this.t.anyone();
		this.t.involve(who, "INVESTOR");
		this.deposits.add(new Deposit(who, fen, day, termDays));
		this.t.pay(this.t.at(day, 8, 21), who, into, fen, inMemo(), Channel.MOBILE);
		return fen;
	}

	/**
	 * Pays {@code monthlyRate} of their deposit to everyone who joined at least
	 * {@code minAge} days before, spread over two days; returns what was paid.
	 */
	long interest(int day, int from, double monthlyRate, int minAge) {
		long paid = 0;
		for (Deposit d : this.deposits) {
			if (d.day() <= day - minAge && (d.termDays() == 0 || d.day() + d.termDays() > day)) {
				long fen = Math.round(d.fen() * monthlyRate);
				this.t.pay(this.t.at(day + this.t.between(0, 1), 9, 18), from, d.account(), fen, outMemo(),
						Channel.ONLINE);
				paid += fen;
			}
		}
		return paid;
	}

	/**
	 * Principal back to those whose term ends on {@code day} (half of them roll over).
	 */
	long maturities(int day, int from) {
		long paid = 0;
		for (Deposit d : this.deposits) {
			if (d.termDays() > 0 && d.day() + d.termDays() == day && this.t.chance(0.5)) {
				this.t.pay(this.t.at(day, 9, 18), from, d.account(), d.fen(), outMemo(), Channel.ONLINE);
				paid += d.fen();
			}
		}
		return paid;
	}

	/** Splits {@code fen} between the controllers, one transfer each. */
	void slice(int day, int from, int[] controllers, long fen) {
		for (int c : controllers) {
			this.t.pay(this.t.at(day, 10, 22), from, c, fen / controllers.length, this.t.oneOf("", "转账", "备用金"),
					Channel.MOBILE);
		}
	}

	/** A random term: 0 (open-ended), 3, 6 or 12 months. */
	int term() {
		int[] terms = { 0, 90, 180, 360 };
		return terms[this.t.rng.nextInt(terms.length)];
	}

	double between(double lo, double hi) {
		return lo + (hi - lo) * this.t.rng.nextDouble();
	}

}
