package org.fangfei.app.monitoring;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.fangfei.app.shared.DemoNames;

/**
 * The demo county's bank exports, made by hand in the detector's standard CSV: one bank's
 * customers paying each other small sums day by day (rent, meals, red packets, goods),
 * and one planted account whose flows follow a fundraising pattern the detector knows —
 * many strangers paying in and the money gathered out ({@link Scheme#SCATTER}), principal
 * paid in and "interest" paid back weekly ({@link Scheme#PERIODIC}), or payments whose
 * memos say 认购/入股/理财 ({@link Scheme#MEMO}). Seeded, so the same county gets the same
 * files; about a thousand transfers a file, so the demo stays quick.
 */
final class DemoBankExports {

	/** How the planted account raises money. */
	enum Scheme {

		SCATTER, PERIODIC, MEMO

	}

	/** A bank of the county: its name and the first digits of its card numbers. */
	record Bank(String name, String prefix) {
	}

	/** The planted account: its holder's name and how it raises money. */
	record Plant(String holder, Scheme scheme) {
	}

	static final String HEADER = "tx_id,time,payer_account,payer_name,payee_account,payee_name,amount,channel,memo";

	private static final String[] MEMOS = { "", "", "", "还钱", "饭钱", "红包", "生活费", "货款", "转账", "房租", "化肥款", "学费" };

	private static final String[] CHANNELS = { "手机银行", "网银", "柜面", "扫码" };

	private static final String[] SUBSCRIPTIONS = { "认购款", "入股资金", "理财本金", "投资款" };

	/** Customers per bank; the background of every file. */
	static final int CUSTOMERS = 80;

	private final DemoNames demo;

	private final Bank bank;

	private final List<String> names = new ArrayList<>();

	private int tx;

	DemoBankExports(DemoNames demo, Bank bank) {
		this.demo = demo;
		this.bank = bank;
		for (int i = 0; i < CUSTOMERS; i++) {
			this.names.add(demo.personName());
		}
	}

	/**
	 * The file of {@code days} days from {@code from}: {@code perDay} ordinary transfers
	 * a day among the bank's customers, and the planted account's flows; transfer ids go
	 * on from the bank's previous file.
	 */
	byte[] export(LocalDate from, int days, int perDay, Plant plant) {
		StringBuilder csv = new StringBuilder(HEADER).append('\n');
		List<String[]> rows = new ArrayList<>();
		for (int d = 0; d < days; d++) {
			for (int k = 0; k < perDay; k++) {
				int payer = this.demo.below(CUSTOMERS);
				int payee = (payer + 1 + this.demo.below(CUSTOMERS - 1)) % CUSTOMERS;
				rows.add(row(from.plusDays(d), 7, 22, customer(payer), this.names.get(payer), customer(payee),
						this.names.get(payee), yuan(20, 3_000), this.demo.pick(MEMOS)));
			}
		}
		plant(rows, from, days, plant);
		rows.sort((a, b) -> a[0].compareTo(b[0]));
		for (String[] r : rows) {
			csv.append(this.bank.prefix())
				.append(String.format("%08d", ++this.tx))
				.append(',')
				.append(String.join(",", r))
				.append('\n');
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	private void plant(List<String[]> rows, LocalDate from, int days, Plant plant) {
		String hub = account(9_000 + plant.scheme().ordinal());
		int start = 10 + this.demo.below(Math.max(1, days - 50));
		switch (plant.scheme()) {
			case SCATTER -> {
				long sum = 0;
				for (int j = 0; j < 32; j++) {
					long fen = yuan(3_000, 50_000);
					sum += fen;
					rows.add(row(from.plusDays(start + this.demo.below(5)), 8, 21, stranger(j), this.demo.personName(),
							hub, plant.holder(), fen, j % 4 == 0 ? "转账" : ""));
				}
				String out = account(9_100);
				String outName = this.demo.personName();
				rows.add(row(from.plusDays(start + 6), 9, 11, hub, plant.holder(), out, outName, sum * 55 / 100, ""));
				rows.add(
						row(from.plusDays(start + 7), 9, 11, hub, plant.holder(), out, outName, sum * 33 / 100, "往来款"));
			}
			case PERIODIC -> {
				long[] principal = new long[16];
				for (int j = 0; j < principal.length; j++) {
					principal[j] = yuan(20_000, 100_000);
					rows.add(row(from.plusDays(start + this.demo.below(4)), 8, 20, stranger(j), this.demo.personName(),
							hub, plant.holder(), principal[j], j % 3 == 0 ? "投资款" : ""));
				}
				for (int week = 1; week <= 5; week++) {
					LocalDate day = from.plusDays(start + 4 + 7 * week);
					for (int j = 0; j < principal.length; j++) {
						rows.add(row(day, 9, 10, hub, plant.holder(), stranger(j), "", principal[j] * 4 / 1000, "利息"));
					}
				}
			}
			case MEMO -> {
				for (int j = 0; j < 14; j++) {
					rows.add(row(from.plusDays(start + this.demo.below(15)), 8, 21, stranger(j), this.demo.personName(),
							hub, plant.holder(), yuan(5_000, 50_000), this.demo.pick(SUBSCRIPTIONS)));
				}
			}
		}
	}

	private String[] row(LocalDate day, int fromHour, int toHour, String payer, String payerName, String payee,
			String payeeName, long fen, String memo) {
		LocalDateTime at = LocalDateTime.of(day,
				LocalTime.ofSecondOfDay(fromHour * 3600L + this.demo.below((toHour - fromHour) * 3600)));
		return new String[] { at.toString().length() == 16 ? at + ":00" : at.toString(), payer, payerName, payee,
				payeeName, fen / 100 + "." + String.format("%02d", fen % 100), this.demo.pick(CHANNELS), memo };
	}

	/** An amount in fen between the two yuan figures, skewed towards the small end. */
	private long yuan(int min, int max) {
		double r = this.demo.random().nextDouble();
		return Math.round(100 * min * Math.pow((double) max / min, r * r));
	}

	private String customer(int i) {
		return account(i);
	}

	/** Someone outside the bank's usual customers (a new counterparty). */
	private String stranger(int j) {
		return account(5_000 + j);
	}

	private String account(int i) {
		return this.bank.prefix() + String.format("%013d", 7_310_000_000L + 137L * i);
	}

}
