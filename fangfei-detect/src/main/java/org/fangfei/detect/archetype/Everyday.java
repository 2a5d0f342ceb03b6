package org.fangfei.detect.archetype;

import java.util.SplittableRandom;

import org.fangfei.detect.archetype.Ledger.Channel;

/**
 * Ordinary life at ordinary volumes (about eight transfers per person a month): wages,
 * shopping by QR code, utilities, rent, family money and the Spring Festival's 红包,
 * friends' small transfers and loans, a few large purchases; and the businesses' own
 * flows (clients paying employers, shops settling to their owners and paying
 * wholesalers).
 */
final class Everyday {

	/** 2024-02-10, the Spring Festival, as a day of the stream. */
	private static final int SPRING_FESTIVAL = 40;

	private final Town t;

	private final SplittableRandom rng;

	Everyday(Town town) {
		this.t = town;
		this.rng = town.rng;
	}

	void run() {
		employers();
		for (int i = 0; i < this.t.population(); i++) {
			person(i);
		}
		shops();
		busyPeople();
	}

	/**
	 * Ordinary people whose accounts are busy: online sellers (微商) paid by many
	 * customers, labour contractors (包工头) paid by a builder and paying their workers in
	 * one batch a month, private tutors paid by parents every month.
	 */
	private void busyPeople() {
		int n = Math.max(3, this.t.population() / 200);
		for (int k = 0; k < n; k++) {
			int seller = this.t.freshPerson();
			this.t.label(seller, "PERSON", "MICRO_SELLER", "", -1, "");
			java.util.List<Integer> customers = this.t.sample(this.t.between(50, 400));
			int supplier = this.t.wholesalers[this.rng.nextInt(this.t.wholesalers.length)];
			double perDay = 1 + 10 * this.rng.nextDouble();
			for (int day = 0; day < this.t.days; day++) {
				long sum = 0;
				for (int c = this.t.poisson(perDay); c > 0; c--) {
					long fen = this.t.fen(30, 500);
					this.t.pay(this.t.at(day, 8, 23), customers.get(this.rng.nextInt(customers.size())), seller, fen,
							this.t.oneOf("", "", "货款"), Channel.MOBILE);
					sum += fen;
				}
				if (day % 7 == 3) {
					this.t.pay(this.t.at(day, 9, 17), seller, supplier, Math.max(100, sum * 5), "货款", Channel.MOBILE);
				}
			}
		}
		for (int k = 0; k < Math.max(2, this.t.population() / 400); k++) {
			contractor();
		}
		for (int k = 0; k < Math.max(2, this.t.population() / 400); k++) {
			int tutor = this.t.freshPerson();
			this.t.label(tutor, "PERSON", "TUTOR", "", -1, "");
			java.util.List<Integer> parents = this.t.sample(this.t.between(10, 30));
			long fee = this.t.round(300, 1_500, 50);
			for (int day = this.rng.nextInt(30); day < this.t.days; day += 30) {
				for (int p : parents) {
					this.t.pay(this.t.at(day + this.t.between(0, 3), 8, 22), p, tutor, fee,
							this.t.oneOf("", "学费", "补课费"), Channel.MOBILE);
				}
			}
		}
	}

	private void contractor() {
		int boss = this.t.freshPerson();
		this.t.label(boss, "PERSON", "LABOUR_CONTRACTOR", "", -1, "");
		java.util.List<Integer> workers = this.t.sample(this.t.between(8, 40));
		int builder = this.t.builders[this.rng.nextInt(this.t.builders.length)];
		long wage = this.t.round(3_000, 8_000, 100);
		for (int day = this.t.between(10, 25); day < this.t.days; day += 30) {
			this.t.pay(this.t.at(day, 9, 17), builder, boss, wage * workers.size() * 13 / 10, "工程款", Channel.ONLINE);
			for (int w : workers) {
				this.t.pay(this.t.at(day + this.t.between(1, 2), 9, 20), boss, w, wage, this.t.oneOf("工资", "", "工钱"),
						Channel.MOBILE);
			}
		}
	}

	private void employers() {
		for (int e = 0; e < this.t.employers.length; e++) {
			int emp = this.t.employers[e];
			int schedule = this.rng.nextInt(100);
			int payday = this.t.between(5, 15);
			int clients = this.t.between(2, 6);
			for (int day = 0; day < this.t.days; day++) {
				if (day % 30 == payday % 30) {
					for (int c = 0; c < clients; c++) {
						int client = this.t.employers[this.rng.nextInt(this.t.employers.length)];
						this.t.pay(this.t.at(day + this.rng.nextInt(20), 9, 17), client, emp,
								this.t.round(20_000, 400_000, 100), this.t.oneOf("货款", "服务费", ""), Channel.ONLINE);
					}
				}
				if (day % 30 == (payday + 10) % 30) {
					this.t.pay(this.t.at(day, 9, 17), emp, this.t.wholesalers[e % this.t.wholesalers.length],
							this.t.round(10_000, 200_000, 100), "货款", Channel.ONLINE);
				}
			}
			for (int i = 0; i < this.t.population(); i++) {
				if (this.t.employerOf[i] == e) {
					wages(emp, this.t.people[i], schedule, payday);
				}
			}
		}
	}

	private void wages(int emp, int person, int schedule, int payday) {
		long monthly = this.t.round(2_500, 12_000, 10);
		int step = (schedule < 75) ? 30 : (schedule < 90) ? 14 : 7;
		long amount = monthly * step / 30 / 100 * 100;
		for (int day = (schedule < 75) ? payday : payday % step; day < this.t.days; day += step) {
			this.t.pay(this.t.at(day, 9, 12), emp, person, amount + this.t.fen(0, 300) / 100 * 100, "工资",
					Channel.PAYROLL);
		}
	}

	private void person(int i) {
		int me = this.t.people[i];
		int[] favourites = { this.rng.nextInt(this.t.shops.length), this.rng.nextInt(this.t.shops.length),
				this.rng.nextInt(this.t.shops.length) };
		int family = this.t.people[(i ^ 1) % this.t.population()];
		int landlord = this.t.chance(0.25)
				? this.t.people[this.rng.nextInt(this.t.population() / 12 + 1) * 12 % this.t.population()] : -1;
		long rent = this.t.round(600, 3_000, 50);
		boolean allowance = this.t.chance(0.25);
		boolean[] utility = { this.t.chance(0.45), this.t.chance(0.3), this.t.chance(0.4) };
		int monthDay = this.rng.nextInt(28);
		for (int day = 0; day < this.t.days; day++) {
			if (this.rng.nextInt(30) < 5) {
				int shop = this.t.chance(0.7) ? favourites[this.rng.nextInt(3)] : this.rng.nextInt(this.t.shops.length);
				this.t.pay(this.t.at(day, 7, 22), me, this.t.shops[shop], this.t.fen(8, 300), "", Channel.QR);
			}
			if (this.rng.nextInt(30) < 1) {
				friends(i, me, day);
			}
			if (day % 30 == monthDay) {
				monthly(me, day, family, landlord, rent, allowance, utility);
			}
			if (this.rng.nextInt(1500) == 0) {
				loan(i, me, day);
			}
		}
		if (this.t.chance(0.5)) {
			for (int k = this.t.between(1, 3); k > 0; k--) {
				int to = (k == 1) ? family : this.t.anyone();
				this.t.pay(this.t.at(SPRING_FESTIVAL - this.t.between(0, 7), 8, 22), me, to, this.t.gift(200, 2000),
						this.t.oneOf("红包", "过年好", ""), Channel.MOBILE);
			}
		}
		if (this.t.chance(0.03)) {
			this.t.pay(this.t.at(this.rng.nextInt(this.t.days), 9, 17), me,
					this.t.dealers[this.rng.nextInt(this.t.dealers.length)], this.t.round(30_000, 200_000, 100), "购车款",
					Channel.COUNTER);
		}
	}

	private void monthly(int me, int day, int family, int landlord, long rent, boolean allowance, boolean[] utility) {
		if (landlord >= 0 && landlord != me) {
			this.t.pay(this.t.at(day, 8, 21), me, landlord, rent, this.t.oneOf("房租", ""), Channel.MOBILE);
		}
		if (allowance) {
			this.t.pay(this.t.at(day, 8, 21), me, family, this.t.round(300, 3_000, 100), this.t.oneOf("生活费", ""),
					Channel.MOBILE);
		}
		long[][] ranges = { { 50, 400 }, { 20, 100 }, { 30, 200 } };
		for (int u = 0; u < 3; u++) {
			if (utility[u]) {
				this.t.pay(this.t.at(day, 8, 22), me, this.t.utilities[u], this.t.fen(ranges[u][0], ranges[u][1]), "",
						Channel.MOBILE);
			}
		}
	}

	private int friend(int i) {
		int offset = 1 + (int) ((i * 2_654_435_761L + this.rng.nextInt(8) * 40_503L) % 997);
		return this.t.people[(i + offset) % this.t.population()];
	}

	private void friends(int i, int me, int day) {
		this.t.pay(this.t.at(day, 8, 23), me, friend(i), this.t.fen(20, 2_000), this.t.oneOf("", "", "饭钱", "AA", "还你"),
				Channel.MOBILE);
	}

	private void loan(int i, int me, int day) {
		int friend = friend(i);
		long amount = this.t.round(2_000, 30_000, 1000);
		this.t.pay(this.t.at(day, 9, 21), me, friend, amount, this.t.oneOf("借款", "", "急用"), Channel.MOBILE);
		int parts = this.t.between(1, 3);
		int back = day + this.t.between(20, 90);
		for (int k = 0; k < parts; k++) {
			this.t.pay(this.t.at(back + 15 * k, 9, 21), friend, me, amount / parts, this.t.oneOf("还款", "", "还钱"),
					Channel.MOBILE);
		}
	}

	private void shops() {
		for (int s = 0; s < this.t.shops.length; s++) {
			int every = this.t.between(1, 3);
			long takings = this.t.round(800, 6_000, 10);
			for (int day = this.rng.nextInt(every); day < this.t.days; day += every) {
				this.t.pay(this.t.at(day, 21, 23), this.t.shops[s], this.t.shopOwners[s], takings * every / 2, "",
						Channel.ONLINE);
				if (day % 7 < every) {
					this.t.pay(this.t.at(day, 9, 17), this.t.shops[s],
							this.t.wholesalers[s % this.t.wholesalers.length], takings * 3, "货款", Channel.ONLINE);
				}
			}
		}
	}

}
