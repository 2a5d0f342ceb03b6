package org.fangfei.app.shared;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of money, held in fen (分) as a {@code long} — never a {@code double} — and
 * shown and typed in yuan. This is the one place that reads yuan text and the one way it
 * is shown: two decimals and a comma between thousands ({@code 1,234,567.50}), the
 * accounting convention (千分位) that also keeps a sum of tens of millions readable.
 * <p>
 * Reading is tolerant of how people and bank exports write an amount — thousands
 * separators ({@code ,} and {@code ，}), a currency sign ({@code ¥}, {@code ￥}), the unit
 * {@code 元}, zeros past the fen — and strict about what it means: no sign but a refused
 * minus, no exponent, at most two decimals that count, at most {@link #MAX_FEN}. Every
 * refusal says in Chinese what is wrong ({@link Unreadable#reason()}).
 *
 * @param fen the amount in fen, within ±{@link #MAX_FEN}
 */
public record Money(long fen) implements Comparable<Money> {

	/** One trillion yuan (一万亿元): larger figures are typing errors. */
	public static final long MAX_FEN = 1_000_000_000_000_00L;

	public static final Money ZERO = new Money(0);

	/** Digits with thousands separators, then optionally a point and decimals. */
	private static final Pattern AMOUNT = Pattern.compile("(-|－)?([0-9][0-9,，]*)(?:\\.([0-9]+))?");

	public Money {
		if (fen > MAX_FEN || fen < -MAX_FEN) {
			throw new IllegalArgumentException("amount out of range: " + fen + " fen");
		}
	}

	/** The amount shown in yuan: {@code 1,234,567.50}, {@code 0.01}, {@code -12.00}. */
	public String yuan() {
		return yuan(this.fen);
	}

	/**
	 * An amount in fen shown as {@link #yuan()} shows it; empty when it is unknown
	 * (null). Any {@code long} is shown, also a sum beyond {@link #MAX_FEN}.
	 */
	public static String yuan(Long fen) {
		return (fen == null) ? "" : String.format(Locale.ROOT, "%,.2f", BigDecimal.valueOf(fen, 2));
	}

	@Override
	public String toString() {
		return yuan() + " 元";
	}

	@Override
	public int compareTo(Money other) {
		return Long.compare(this.fen, other.fen);
	}

	/**
	 * The amount a yuan text stands for.
	 * @throws Unreadable when the text is blank, not an amount, negative, finer than a
	 * fen or over {@link #MAX_FEN}
	 */
	public static Money parse(String text) {
		String plain = (text == null) ? "" : text.strip();
		if (plain.startsWith("¥") || plain.startsWith("￥")) {
			plain = plain.substring(1).strip();
		}
		if (plain.endsWith("元")) {
			plain = plain.substring(0, plain.length() - 1).strip();
		}
		if (plain.isEmpty()) {
			throw new Unreadable("未填写");
		}
		Matcher m = AMOUNT.matcher(plain);
		if (!m.matches()) {
			throw new Unreadable("应为数字金额(元)，如 1200 或 1,200.50");
		}
		if (m.group(1) != null) {
			throw new Unreadable("不能为负数");
		}
		String decimals = (m.group(3) == null) ? "" : m.group(3);
		if (decimals.length() > 2 && !decimals.substring(2).chars().allMatch(c -> c == '0')) {
			throw new Unreadable("最多两位小数(精确到分)");
		}
		String digits = m.group(2).replace(",", "").replace("，", "");
		int zeros = 0;
		while (zeros < digits.length() - 1 && digits.charAt(zeros) == '0') {
			zeros++;
		}
		String yuan = digits.substring(zeros);
		if (yuan.length() > 13) {
			throw new Unreadable(tooLarge());
		}
		String fen = (decimals + "00").substring(0, 2);
		long value = Long.parseLong(yuan) * 100 + Long.parseLong(fen);
		if (value > MAX_FEN) {
			throw new Unreadable(tooLarge());
		}
		return new Money(value);
	}

	/**
	 * A form field's amount in fen, or null when it is left blank.
	 * @param field the form field a refusal is reported on
	 * @param label how the message names the amount, e.g. {@code 涉及金额}
	 * @throws Rejected naming the label and what is wrong
	 */
	public static Long fen(String text, String field, String label) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return parse(text).fen();
		}
		catch (Unreadable ex) {
			throw new Rejected(label + ex.reason(), Map.of(field, ex.reason()));
		}
	}

	private static String tooLarge() {
		return "超过上限(一万亿元)，请核对";
	}

	/**
	 * A text that is no amount; the reason reads after the amount's name ("涉及金额" +
	 * "不能为负数").
	 */
	public static final class Unreadable extends IllegalArgumentException {

		private final String reason;

		Unreadable(String reason) {
			super(reason);
			this.reason = reason;
		}

		/** What is wrong, in Chinese, to follow the amount's name. */
		public String reason() {
			return this.reason;
		}

	}

}
