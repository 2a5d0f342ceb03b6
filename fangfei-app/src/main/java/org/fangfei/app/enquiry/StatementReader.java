package org.fangfei.app.enquiry;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fangfei.app.shared.Money;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.TabularFile;

/**
 * Reads a per-account statement (对账单) as banks send it: title rows above the header (the
 * bank's name, 账号：…, 户名：…, the period) are skipped and searched for the queried account;
 * the header is the first of the top rows that names the needed fields; subtotal and
 * footer rows (合计, 本页小计, 打印日期…) are skipped; every other row is a transaction whose
 * amount is signed by the layout's {@link StatementMapping.Convention} — positive when
 * money came into the queried account. A row that cannot be read is named with its line
 * and why; the caller refuses the file then, so nothing is half-loaded.
 */
final class StatementReader {

	/** Rows searched for the header. */
	static final int HEADER_SEARCH = 30;

	/** Unreadable rows named in one refusal. */
	static final int ERRORS_SHOWN = 20;

	private static final Pattern OWN_ACCOUNT = Pattern
		.compile("(?:查询账号|本方账号|账号|卡号|帐号|账户)\\s*[:：]\\s*([0-9][0-9 \\-]{6,40}[0-9])");

	private static final Pattern OWN_HOLDER = Pattern.compile("(?:户名|账户名称|客户名称|姓名)\\s*[:：]\\s*([^\\s,，;；]+)");

	private static final Pattern SUMMARY = Pattern.compile("合计|小计|总计|累计|共计|本页|承前|过次页|打印|制表|经办|备注[:：]|注[:：]");

	private static final Pattern DATE_TIME = Pattern.compile(
			"(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?(?:[ T]+(\\d{1,2})[:：时](\\d{1,2})(?:[:：分](\\d{1,2})(?:\\.\\d+)?秒?)?)?");

	private static final Pattern COMPACT = Pattern
		.compile("(\\d{4})(\\d{2})(\\d{2})(?:[ T]?(\\d{2}):?(\\d{2}):?(\\d{2})?)?");

	private static final Pattern TIME_OF_DAY = Pattern.compile("(\\d{1,2})[:：]?(\\d{2})(?:[:：]?(\\d{2}))?(?:\\.\\d+)?");

	private StatementReader() {
	}

	/**
	 * Where the header is, the first guess of its mapping and what the title rows say of
	 * the queried account.
	 *
	 * @param headerAt index of the header in the file's lines
	 * @param ownAccount the queried account from the title rows, or null
	 * @param ownHolder its holder from the title rows, or null
	 */
	record Layout(int headerAt, TabularFile.Line header, StatementMapping guess, String ownAccount, String ownHolder) {
	}

	/** One transaction as read, amount signed from the queried account's side. */
	record Row(int line, LocalDateTime at, long signedFen, String counterAccount, String counterName,
			String counterBank, String counterId, String serial, String memo, String channel) {
	}

	/** The transactions, the subtotal or footer rows skipped, and the unreadable rows. */
	record Read(List<Row> rows, int summaries, List<String> errors) {
	}

	/**
	 * @throws Rejected when no row near the top looks like a header
	 */
	static Layout layout(List<TabularFile.Line> lines) {
		int best = -1;
		int bestScore = 0;
		for (int i = 0; i < Math.min(HEADER_SEARCH, lines.size()); i++) {
			StatementMapping guess = StatementMapping.guess(lines.get(i).cells());
			if (guess.missing().isEmpty()) {
				best = i;
				break;
			}
			if (guess.columns().size() > bestScore) {
				best = i;
				bestScore = guess.columns().size();
			}
		}
		if (best < 0 || bestScore < 2 && !StatementMapping.guess(lines.get(best).cells()).missing().isEmpty()) {
			throw new Rejected("未找到对账单的表头：前 " + HEADER_SEARCH + " 行中没有“交易时间”“交易金额”“对方账号”等列名");
		}
		String account = null;
		String holder = null;
		for (int i = 0; i < best; i++) {
			String text = String.join(" ", lines.get(i).cells());
			Matcher a = OWN_ACCOUNT.matcher(text);
			if (account == null && a.find()) {
				account = normaliseAccount(a.group(1));
			}
			Matcher h = OWN_HOLDER.matcher(text);
			if (holder == null && h.find()) {
				holder = h.group(1);
			}
		}
		TabularFile.Line header = lines.get(best);
		return new Layout(best, header, StatementMapping.guess(header.cells()), account, holder);
	}

	/** The rows below the header, read with {@code mapping}. */
	static Read read(List<TabularFile.Line> lines, int headerAt, StatementMapping mapping) {
		List<Row> rows = new ArrayList<>(Math.max(16, lines.size() - headerAt));
		List<String> errors = new ArrayList<>();
		int summaries = 0;
		int errorCount = 0;
		for (int i = headerAt + 1; i < lines.size(); i++) {
			TabularFile.Line line = lines.get(i);
			if (summary(line, mapping)) {
				summaries++;
				continue;
			}
			try {
				rows.add(row(line, mapping));
			}
			catch (IllegalArgumentException ex) {
				errorCount++;
				if (errors.size() < ERRORS_SHOWN) {
					errors.add("第 " + line.number() + " 行：" + ex.getMessage());
				}
			}
		}
		if (errorCount > errors.size()) {
			errors.add("……另有 " + (errorCount - errors.size()) + " 行无法读取");
		}
		return new Read(rows, summaries, errors);
	}

	/**
	 * A subtotal or footer row: its time cell is not a date and it says so (合计, 本页小计…),
	 * or it holds at most two cells, none of them a time.
	 */
	static boolean summary(TabularFile.Line line, StatementMapping mapping) {
		String time = cell(line, mapping, StatementField.TIME);
		if (!time.isEmpty() && (DATE_TIME.matcher(time).lookingAt() || COMPACT.matcher(time).matches())) {
			return false;
		}
		String all = String.join(" ", line.cells());
		long filled = line.cells().stream().filter((c) -> !c.isBlank()).count();
		return SUMMARY.matcher(all).find() || filled <= 2 && time.isEmpty();
	}

	static Row row(TabularFile.Line line, StatementMapping m) {
		LocalDateTime at = at(cell(line, m, StatementField.TIME), cell(line, m, StatementField.DATE));
		long fen = signedFen(line, m);
		String counter = normaliseAccount(limit(cell(line, m, StatementField.COUNTER_ACCOUNT), 64, "对方账号"));
		return new Row(line.number(), at, fen, counter, limit(cell(line, m, StatementField.COUNTER_NAME), 200, "对方户名"),
				limit(cell(line, m, StatementField.COUNTER_BANK), 200, "对方开户行"),
				limit(cell(line, m, StatementField.COUNTER_ID), 40, "对方证件号码"),
				limit(cell(line, m, StatementField.SERIAL), 100, "交易流水号"),
				limit(cell(line, m, StatementField.MEMO), 500, "摘要"),
				limit(cell(line, m, StatementField.CHANNEL), 100, "交易网点/渠道"));
	}

	private static long signedFen(TabularFile.Line line, StatementMapping m) {
		switch (m.convention()) {
			case COLUMNS -> {
				String debit = cell(line, m, StatementField.DEBIT);
				String credit = cell(line, m, StatementField.CREDIT);
				long out = blankOrZero(debit) ? 0 : unsigned(debit, "借方发生额");
				long in = blankOrZero(credit) ? 0 : unsigned(credit, "贷方发生额");
				if (out != 0 && in != 0) {
					throw new IllegalArgumentException("借方和贷方发生额都有金额，无法判断方向");
				}
				if (out == 0 && in == 0) {
					throw new IllegalArgumentException("借方和贷方发生额均为空");
				}
				return in != 0 ? in : -out;
			}
			case FLAG -> {
				long fen = unsigned(cell(line, m, StatementField.AMOUNT), "交易金额");
				return direction(cell(line, m, StatementField.DIRECTION)) * fen;
			}
			default -> {
				String text = cell(line, m, StatementField.AMOUNT);
				boolean negative = text.startsWith("-") || text.startsWith("－");
				long fen = unsigned(negative || text.startsWith("+") ? text.substring(1) : text, "交易金额");
				return negative ? -fen : fen;
			}
		}
	}

	/** +1 when money came in (贷, 收, 进, 入), -1 when it went out (借, 付, 出, 支). */
	static int direction(String flag) {
		String f = flag.strip().toUpperCase(java.util.Locale.ROOT);
		return switch (f) {
			case "贷", "收", "进", "入", "收入", "转入", "存入", "贷方", "C", "CR", "+", "1" -> 1;
			case "借", "付", "出", "支", "支出", "转出", "取出", "借方", "D", "DR", "-", "0" -> -1;
			default ->
				throw new IllegalArgumentException(f.isEmpty() ? "借贷标志为空" : "借贷标志“" + flag + "”无法识别，应为 借/贷、收/付 或 进/出");
		};
	}

	private static boolean blankOrZero(String text) {
		String t = text.replace(",", "").strip();
		return t.isEmpty() || t.equals("-") || t.matches("0+(\\.0+)?");
	}

	private static long unsigned(String text, String label) {
		long fen;
		try {
			fen = Money.parse(text).fen();
		}
		catch (Money.Unreadable ex) {
			throw new IllegalArgumentException(text.isBlank() ? label + "为空" : label + "“" + text + "”" + ex.reason());
		}
		if (fen == 0) {
			throw new IllegalArgumentException(label + "“" + text + "”应大于 0");
		}
		return fen;
	}

	/** The time of a row: one cell with date and time, or a date and a time of day. */
	static LocalDateTime at(String time, String date) {
		if (time.isEmpty() && date.isEmpty()) {
			throw new IllegalArgumentException("交易时间为空");
		}
		if (date.isEmpty()) {
			return dateTime(time);
		}
		LocalDate day = dateTime(date).toLocalDate();
		if (time.isEmpty()) {
			return day.atStartOfDay();
		}
		Matcher t = TIME_OF_DAY.matcher(time);
		if (!t.matches()) {
			return day.atTime(dateTime(time).toLocalTime());
		}
		try {
			return day.atTime(LocalTime.of(Integer.parseInt(t.group(1)), Integer.parseInt(t.group(2)),
					t.group(3) == null ? 0 : Integer.parseInt(t.group(3))));
		}
		catch (DateTimeException ex) {
			throw new IllegalArgumentException("交易时间“" + time + "”不是有效的时刻");
		}
	}

	static LocalDateTime dateTime(String text) {
		Matcher d = DATE_TIME.matcher(text.strip());
		if (!d.matches()) {
			d = COMPACT.matcher(text.strip());
			if (!d.matches()) {
				throw new IllegalArgumentException("交易时间“" + text + "”无法识别，应如 2026-03-01 09:30:00 或 20260301093000");
			}
		}
		try {
			return LocalDateTime.of(Integer.parseInt(d.group(1)), Integer.parseInt(d.group(2)),
					Integer.parseInt(d.group(3)), d.group(4) == null ? 0 : Integer.parseInt(d.group(4)),
					d.group(5) == null ? 0 : Integer.parseInt(d.group(5)),
					d.group(6) == null ? 0 : Integer.parseInt(d.group(6)));
		}
		catch (DateTimeException ex) {
			throw new IllegalArgumentException("交易时间“" + text + "”不是有效的日期时间");
		}
	}

	/** Digits and letters only: spaces, dashes and the quote Excel keeps text with go. */
	static String normaliseAccount(String raw) {
		for (int i = 0; i < raw.length(); i++) {
			if (!Character.isLetterOrDigit(raw.charAt(i))) {
				return ACCOUNT_NOISE.matcher(raw).replaceAll("");
			}
		}
		return raw;
	}

	private static final Pattern ACCOUNT_NOISE = Pattern.compile("[\\s\\-'’]");

	private static String limit(String value, int max, String label) {
		if (value.length() > max) {
			throw new IllegalArgumentException("“" + label + "”超过 " + max + " 个字符");
		}
		return value;
	}

	private static String cell(TabularFile.Line line, StatementMapping m, StatementField field) {
		return m.column(field)
			.filter((c) -> c < line.cells().size())
			.map((c) -> line.cells().get(c).strip())
			.orElse("");
	}

}
