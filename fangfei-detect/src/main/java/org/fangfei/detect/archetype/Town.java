package org.fangfei.detect.archetype;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.fangfei.detect.archetype.Ledger.Channel;
import org.fangfei.detect.archetype.Ledger.Label;

/**
 * The county: its people and ordinary businesses, and the helpers the schemes and
 * look-alikes use to pick people, times and amounts. {@link Everyday} adds their daily
 * traffic.
 */
final class Town {

	final Ledger ledger;

	final Names names;

	final SplittableRandom rng;

	final int days;

	/** Account of the i-th person. */
	final int[] people;

	/** Employer index of each person, -1 when not employed. */
	final int[] employerOf;

	final int[] employers;

	final int[] shops;

	final int[] shopOwners;

	final int[] utilities;

	final int[] hospitals;

	final int[] builders;

	final int[] dealers;

	final int[] hotels;

	final int[] funeralHomes;

	final int[] bookshops;

	final int[] wholesalers;

	final int[] produceBuyers;

	final int crowdfundingPlatform;

	private final boolean[] taken;

	Town(int population, int days, long seed) {
		this.ledger = new Ledger(seed);
		this.rng = new SplittableRandom(seed);
		this.names = new Names(this.rng.split());
		this.days = days;
		this.people = new int[population];
		for (int i = 0; i < population; i++) {
			this.people[i] = this.ledger.openPersonal(this.names.person());
		}
		this.taken = new boolean[population];
		this.employers = businesses(Math.max(10, population / 60), "EMPLOYER", () -> this.names.company());
		this.employerOf = new int[population];
		for (int i = 0; i < population; i++) {
			double u = this.rng.nextDouble();
			this.employerOf[i] = (this.rng.nextInt(100) < 80) ? (int) (this.employers.length * u * u) : -1;
		}
		this.shops = businesses(Math.max(20, population / 120), "SHOP", () -> this.names.shop());
		this.shopOwners = new int[this.shops.length];
		for (int s = 0; s < this.shops.length; s++) {
			this.shopOwners[s] = this.people[this.rng.nextInt(population)];
		}
		this.utilities = new int[] { business("国网供电公司", "UTILITY"), business("自来水有限公司", "UTILITY"),
				business("移动通信公司", "UTILITY") };
		this.hospitals = businesses(3, "HOSPITAL", () -> this.names.place2() + "县人民医院");
		this.builders = businesses(6, "BUILDER", () -> this.names.company("建筑工程"));
		this.dealers = businesses(6, "DEALER", () -> this.names.company("汽车销售"));
		this.hotels = businesses(5, "HOTEL", () -> this.names.place2() + "大酒店");
		this.funeralHomes = businesses(2, "FUNERAL_HOME", () -> this.names.place2() + "殡仪服务部");
		this.bookshops = businesses(4, "BOOKSHOP", () -> this.names.place2() + "图文书店");
		this.wholesalers = businesses(12, "WHOLESALER", () -> this.names.company("农资"));
		this.produceBuyers = businesses(4, "PRODUCE_BUYER", () -> this.names.company("农产品"));
		this.crowdfundingPlatform = business("轻筹互助信息技术有限公司", "PLATFORM");
	}

	private int[] businesses(int n, String type, java.util.function.Supplier<String> name) {
		int[] ids = new int[n];
		for (int i = 0; i < n; i++) {
			ids[i] = business(name.get(), type);
		}
		return ids;
	}

	private int business(String name, String type) {
		int id = this.ledger.openCorporate(name);
		this.ledger.label(id, new Label("BACKGROUND", type, "", -1, ""));
		return id;
	}

	/** A Poisson draw (normal approximation above 30). */
	int poisson(double lambda) {
		if (lambda > 30) {
			return Math.max(0, (int) Math.round(lambda + Math.sqrt(lambda) * this.rng.nextGaussian()));
		}
		double l = Math.exp(-lambda);
		double p = 1;
		int k = -1;
		do {
			k++;
			p *= this.rng.nextDouble();
		}
		while (p > l);
		return k;
	}

	/** A new personal account outside the county (seen only in these transfers). */
	int outsideAccount(String type) {
		int id = this.ledger.openPersonal(this.names.person());
		this.ledger.label(id, new Label("BACKGROUND", type, "", -1, ""));
		return id;
	}

	int population() {
		return this.people.length;
	}

	/** A random person's account (anyone, taken or not). */
	int anyone() {
		return this.people[this.rng.nextInt(this.people.length)];
	}

	/**
	 * A person not yet given a scheme, look-alike or occupation label and not involved in
	 * a scheme, now marked as taken.
	 */
	int freshPerson() {
		for (int tries = 0; tries < 1000; tries++) {
			int i = this.rng.nextInt(this.people.length);
			Label l = this.ledger.label(this.people[i]);
			if (!this.taken[i] && l.kind().equals("PERSON") && l.role().isEmpty()) {
				this.taken[i] = true;
				return this.people[i];
			}
		}
		throw new IllegalStateException("population too small for the planted schemes and look-alikes");
	}

	/** n distinct random people (investors, donors, guests …). */
	List<Integer> sample(int n) {
		List<Integer> out = new ArrayList<>(n);
		java.util.Set<Integer> seen = new java.util.HashSet<>();
		while (out.size() < Math.min(n, this.people.length / 2)) {
			int p = anyone();
			if (seen.add(p)) {
				out.add(p);
			}
		}
		return out;
	}

	/**
	 * About n people who live close together (neighbours, a village): a run of the people
	 * list.
	 */
	List<Integer> neighbours(int n) {
		int from = this.rng.nextInt(Math.max(1, this.people.length - n * 3));
		List<Integer> out = new ArrayList<>(n);
		for (int i = 0; i < n * 3 && out.size() < n; i++) {
			if (this.rng.nextInt(3) < 2 || n * 3 - i <= n - out.size()) {
				out.add(this.people[from + i]);
			}
		}
		return out;
	}

	/** Staff of an employer (its people), at most n. */
	List<Integer> staffOf(int employerIndex, int n) {
		List<Integer> out = new ArrayList<>();
		for (int i = 0; i < this.people.length && out.size() < n; i++) {
			if (this.employerOf[i] == employerIndex) {
				out.add(this.people[i]);
			}
		}
		return out;
	}

	/** A second of day {@code day} between the two hours. */
	long at(int day, int fromHour, int toHour) {
		return (long) day * Ledger.DAY + fromHour * 3600L + this.rng.nextInt((toHour - fromHour) * 3600);
	}

	/** Log-uniform amount in yuan, returned in fen with cents. */
	long fen(double loYuan, double hiYuan) {
		return Math.round(100 * loYuan * Math.pow(hiYuan / loYuan, this.rng.nextDouble()));
	}

	/** Log-uniform amount in yuan rounded to a multiple of {@code step} yuan, in fen. */
	long round(double loYuan, double hiYuan, int step) {
		long y = Math.round(loYuan * Math.pow(hiYuan / loYuan, this.rng.nextDouble()) / step) * step;
		return Math.max(step, y) * 100;
	}

	/**
	 * A gift: 200, 500, 600, 666, 800, 888, 1000, 1200, 2000 … up to about {@code hi}.
	 */
	long gift(int lo, int hi) {
		int[] usual = { 100, 200, 300, 500, 600, 666, 800, 888, 1000, 1200, 1666, 2000, 3000, 5000 };
		for (int tries = 0; tries < 20; tries++) {
			int v = usual[this.rng.nextInt(usual.length)];
			if (v >= lo && v <= hi) {
				return v * 100L;
			}
		}
		return lo * 100L;
	}

	/** One of the given memos, each as likely. */
	String oneOf(String... memos) {
		return memos[this.rng.nextInt(memos.length)];
	}

	boolean chance(double p) {
		return this.rng.nextDouble() < p;
	}

	int between(int lo, int hiInclusive) {
		return lo + this.rng.nextInt(hiInclusive - lo + 1);
	}

	void pay(long second, int from, int to, long fen, String memo, Channel ch) {
		this.ledger.pay(second, from, to, fen, memo, ch);
	}

	void label(int account, String kind, String type, String group, int startDay, String role) {
		this.ledger.label(account, new Label(kind, type, group, startDay, role));
	}

	/**
	 * Marks a person as having taken part (investor, member) without hiding another
	 * label.
	 */
	void involve(int account, String role) {
		Label l = this.ledger.label(account);
		if (l.kind().equals("PERSON") && l.role().isEmpty()) {
			this.ledger.label(account, new Label("PERSON", l.type(), "", -1, role));
		}
	}

}
