package org.fangfei.detect.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.fangfei.detect.io.TransferParser;

/**
 * The synthetic population of {@code generate}: ordinary people and the institutions they
 * pay and are paid by — employers (payroll), shops, schools, property managers,
 * landlords, lenders, banks — plus the planted schemes ({@link Plants}). Every account
 * number has the same format whatever the account's role, so the truth cannot be read
 * from it.
 */
final class World {

	static final String[] MEMOS = { "", "还钱", "饭钱", "红包", "生活费", "借款", "利息", "分红", "本金", "工资", "代发工资", "购货款", "房租",
			"物业费", "伙食费", "学费", "存款", "取款", "结息", "放款", "还款", "本金及利息", "还款本金", "货款", "转账", "投资款", "理财本金", "认购款", "入股资金",
			"分红计划认购", "返利项目", "订金", "预付款", "资金划拨", "房贷", "学费上缴", "营业款归集", "物业费归集", "货款,含运费", "理财" };

	static final String[] CHANNELS = { "手机银行", "网银", "柜面", "扫码" };

	static final String[] KINDS = { "PAYROLL", "SHOP", "SCHOOL", "PROPERTY", "LANDLORD", "LENDER", "BANK" };

	final int n;

	final int days;

	final SplittableRandom rnd;

	final long firstEpochDay = TransferParser.epochDay(2024, 1, 1);

	final int[] role;

	final int[] people;

	final int[][] byKind = new int[KINDS.length][];

	final long[] balance;

	// per account (meaningful for people)
	final int[] employer;

	final long[] salary;

	final int[] landlord;

	final long[] rent;

	final int[] property;

	final long[] fee;

	final byte[] feeMode;

	final int[] school;

	final boolean[] newStudent;

	final int[] bank;

	final boolean[] monthlyProduct;

	final int[] firstDeposit;

	final int[] lender;

	final int[] loanStart;

	final long[] principal;

	final int[] favShops;

	final int[] friends;

	final int[] payday;

	final boolean[] weekly;

	final int[] owner;

	final int[] hq;

	int[][] staff;

	int fiscal;

	final Plants plants;

	World(int accounts, int days, long seed) {
		if (accounts < 2000) {
			throw new IllegalArgumentException("--accounts must be at least 2000");
		}
		if (days < 120) {
			throw new IllegalArgumentException("--days must be at least 120 (schemes need time to complete)");
		}
		this.n = accounts;
		this.days = days;
		this.rnd = new SplittableRandom(seed);
		this.role = new int[accounts];
		Arrays.fill(this.role, -1);
		this.balance = new long[accounts];
		this.employer = filled(accounts);
		this.salary = new long[accounts];
		this.landlord = filled(accounts);
		this.rent = new long[accounts];
		this.property = filled(accounts);
		this.fee = new long[accounts];
		this.feeMode = new byte[accounts];
		this.school = filled(accounts);
		this.newStudent = new boolean[accounts];
		this.bank = filled(accounts);
		this.monthlyProduct = new boolean[accounts];
		this.firstDeposit = new int[accounts];
		this.lender = filled(accounts);
		this.loanStart = new int[accounts];
		this.principal = new long[accounts];
		this.payday = new int[accounts];
		this.weekly = new boolean[accounts];
		this.owner = filled(accounts);
		this.hq = filled(accounts);
		int[] shuffled = shuffled(accounts);
		int next = 0;
		int perPattern = Math.max(5, accounts / 1250);
		int[] sizes = { accounts / 250, accounts / 100, Math.max(3, accounts / 1000), Math.max(3, accounts / 800),
				accounts / 200, Math.max(3, accounts / 1500), Math.max(5, accounts / 2500) };
		this.plants = new Plants(this, Arrays.copyOfRange(shuffled, next, next += 4 * perPattern), perPattern);
		for (int k = 0; k < KINDS.length; k++) {
			this.byKind[k] = Arrays.copyOfRange(shuffled, next, next += sizes[k]);
			for (int a : this.byKind[k]) {
				this.role[a] = k;
			}
		}
		this.fiscal = shuffled[next++];
		this.people = Arrays.copyOfRange(shuffled, next, accounts);
		this.favShops = new int[accounts * 4];
		this.friends = new int[accounts * 5];
		assign();
		this.plants.setUp();
	}

	private static int[] filled(int n) {
		int[] a = new int[n];
		Arrays.fill(a, -1);
		return a;
	}

	private int[] shuffled(int n) {
		int[] a = new int[n];
		for (int i = 0; i < n; i++) {
			a[i] = i;
		}
		for (int i = n - 1; i > 0; i--) {
			int j = this.rnd.nextInt(i + 1);
			int t = a[i];
			a[i] = a[j];
			a[j] = t;
		}
		return a;
	}

	int pick(int[] from) {
		return from[this.rnd.nextInt(from.length)];
	}

	long logUniform(long loFen, long hiFen) {
		return (long) Math.exp(Math.log(loFen) + this.rnd.nextDouble() * (Math.log(hiFen) - Math.log(loFen)));
	}

	boolean chance(double p) {
		return this.rnd.nextDouble() < p;
	}

	private void assign() {
		int[] shops = this.byKind[1];
		int[] employers = concat(this.byKind[0], this.byKind[2], this.byKind[3]);
		List<List<Integer>> staffLists = new ArrayList<>();
		for (int i = 0; i < this.n; i++) {
			staffLists.add(null);
		}
		for (int e : employers) {
			staffLists.set(e, new ArrayList<>());
			this.payday[e] = 1 + this.rnd.nextInt(28);
			this.weekly[e] = this.role[e] == 0 && chance(0.2);
		}
		for (int s : shops) {
			this.owner[s] = pick(this.people);
		}
		int[] hqs = Arrays.copyOf(this.people, Math.max(2, this.byKind[3].length / 8));
		for (int p : this.byKind[3]) {
			this.hq[p] = pick(hqs);
		}
		for (int p : this.people) {
			for (int k = 0; k < 4; k++) {
				this.favShops[p * 4 + k] = pick(shops);
			}
			for (int k = 0; k < 5; k++) {
				this.friends[p * 5 + k] = pick(this.people);
			}
			if (chance(0.7)) {
				int e = pick(employers);
				this.employer[p] = e;
				staffLists.get(e).add(p);
				boolean small = this.weekly[e];
				this.salary[p] = small ? logUniform(50_000, 250_000) : logUniform(300_000, 1_500_000);
			}
			if (chance(0.15)) {
				this.landlord[p] = pick(this.byKind[4]);
				this.rent[p] = 80_000 + this.rnd.nextInt(32) * 10_000L;
			}
			if (chance(0.4)) {
				this.property[p] = pick(this.byKind[3]);
				this.fee[p] = (60 + this.rnd.nextInt(90)) * (150 + this.rnd.nextInt(150));
				double r = this.rnd.nextDouble();
				this.feeMode[p] = (byte) ((r < 0.7) ? 0 : (r < 0.9) ? 1 : 2);
			}
			if (chance(0.2)) {
				this.school[p] = pick(this.byKind[2]);
				this.newStudent[p] = chance(0.1);
			}
			if (chance(0.3)) {
				this.bank[p] = pick(this.byKind[6]);
				this.monthlyProduct[p] = chance(0.2);
				this.firstDeposit[p] = this.rnd.nextInt(30);
			}
			if (chance(0.05)) {
				this.lender[p] = pick(this.byKind[5]);
				this.loanStart[p] = this.rnd.nextInt(this.days - 30);
				this.principal[p] = logUniform(1_000_000, 10_000_000);
			}
		}
		this.staff = new int[this.n][];
		for (int e : employers) {
			this.staff[e] = staffLists.get(e).stream().mapToInt(Integer::intValue).toArray();
		}
	}

	private static int[] concat(int[]... parts) {
		return Arrays.stream(parts).flatMapToInt(Arrays::stream).toArray();
	}

	/**
	 * Account number: 19 digits, a bijection of the index, the same format for every
	 * role.
	 */
	String accountNumber(int i, long salt) {
		long v = Math.floorMod(i * 3_141_592_653L + salt, 100_000_000_000_000_000L);
		String s = Long.toString(v);
		return "62" + "0".repeat(17 - s.length()) + s;
	}

	LocalDate date(int day) {
		return LocalDate.ofEpochDay(this.firstEpochDay + day);
	}

	int second(int fromHour, int toHour) {
		return fromHour * 3600 + this.rnd.nextInt((toHour - fromHour) * 3600);
	}

}
