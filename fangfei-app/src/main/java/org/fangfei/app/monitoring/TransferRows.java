package org.fangfei.app.monitoring;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import org.fangfei.app.shared.Money;
import org.fangfei.app.shared.TabularFile;
import org.fangfei.detect.io.Transfer;

/**
 * Normalises the rows of a bank export into the detector's {@link Transfer}s through a
 * {@link ColumnMapping}. Every row is checked; the problems name the line as the user
 * sees it, and one bad row fails the whole file (nothing is half-written).
 */
final class TransferRows {

	/** Problems reported by name; the rest are counted. */
	static final int LISTED_PROBLEMS = 10;

	private static final java.util.regex.Pattern DATE_TIME = java.util.regex.Pattern.compile(
			"(\\d{4})[-/.年]?(\\d{1,2})[-/.月]?(\\d{1,2})日?(?:[ T]+(\\d{1,2})[:：时]?(\\d{2})(?:[:：分]?(\\d{2})(?:\\.\\d+)?秒?)?)?");

	private static final java.util.regex.Pattern TIME_OF_DAY = java.util.regex.Pattern
		.compile("(\\d{1,2})[:：]?(\\d{2})(?:[:：]?(\\d{2})(?:\\.\\d+)?)?");

	private TransferRows() {
	}

	/**
	 * What reading the rows gave: the transfers in file order, or the problems.
	 *
	 * @param duplicates rows dropped as exact repeats of an earlier row's transfer id
	 */
	record Read(List<Transfer> transfers, List<Problem> problems, int problemCount, int duplicates) {

		boolean ok() {
			return this.problemCount == 0;
		}

		/** One message in Chinese naming the lines, for the batch's error. */
		String message() {
			StringBuilder out = new StringBuilder("文件有 " + this.problemCount + " 处错误，未写入任何数据：");
			for (Problem p : this.problems) {
				out.append("第 ").append(p.line()).append(" 行").append(p.message()).append("；");
			}
			if (this.problemCount > this.problems.size()) {
				out.append("另有 ").append(this.problemCount - this.problems.size()).append(" 处未列出");
			}
			return out.toString();
		}

	}

	record Problem(int line, String message) {
	}

	/**
	 * Checks every row. A transfer id given twice in the file is one transfer: a row that
	 * repeats an earlier one (same time, accounts and amount) is dropped and counted; a
	 * row that says something else under the same id is a problem naming both lines.
	 */
	static Read read(List<TabularFile.Line> rows, ColumnMapping mapping) {
		List<Transfer> transfers = new ArrayList<>(rows.size());
		Map<String, Transfer> byId = new HashMap<>();
		List<Problem> problems = new ArrayList<>();
		int count = 0;
		int duplicates = 0;
		for (TabularFile.Line row : rows) {
			try {
				Transfer t = transfer(row, mapping);
				Transfer first = hasOwnId(t) ? byId.putIfAbsent(t.txId(), t) : null;
				if (first == null) {
					transfers.add(t);
				}
				else if (sameTransfer(first, t)) {
					duplicates++;
				}
				else {
					throw new IllegalArgumentException("与第 " + first.seq() + " 行的流水号“" + t.txId() + "”相同，但"
							+ difference(first, t) + "不同；同一流水号只能是一笔交易");
				}
			}
			catch (IllegalArgumentException ex) {
				count++;
				if (problems.size() < LISTED_PROBLEMS) {
					problems.add(new Problem(row.number(), ex.getMessage()));
				}
			}
		}
		return new Read(count == 0 ? transfers : List.of(), problems, count, count == 0 ? duplicates : 0);
	}

	/** A transfer id from the file, not the line number standing in for a missing one. */
	static boolean hasOwnId(Transfer t) {
		return !t.txId().equals("L" + t.seq());
	}

	private static boolean sameTransfer(Transfer a, Transfer b) {
		return difference(a, b).isEmpty();
	}

	/** The facts the detector uses that differ, in Chinese; empty when none does. */
	private static String difference(Transfer a, Transfer b) {
		List<String> fields = new ArrayList<>();
		if (a.time() != b.time()) {
			fields.add(TransferField.TIME.label());
		}
		if (!a.payerAccount().equals(b.payerAccount())) {
			fields.add(TransferField.PAYER_ACCOUNT.label());
		}
		if (!a.payeeAccount().equals(b.payeeAccount())) {
			fields.add(TransferField.PAYEE_ACCOUNT.label());
		}
		if (a.amountFen() != b.amountFen()) {
			fields.add(TransferField.AMOUNT.label());
		}
		return String.join("、", fields);
	}

	static Transfer transfer(TabularFile.Line row, ColumnMapping m) {
		String payer = text(row, m, TransferField.PAYER_ACCOUNT, 64).replace(" ", "");
		String payee = text(row, m, TransferField.PAYEE_ACCOUNT, 64).replace(" ", "");
		if (payer.isEmpty()) {
			throw new IllegalArgumentException("付款账号为空");
		}
		if (payee.isEmpty()) {
			throw new IllegalArgumentException("收款账号为空");
		}
		if (payer.equals(payee)) {
			throw new IllegalArgumentException("付款账号与收款账号相同(" + payer + ")");
		}
		String txId = text(row, m, TransferField.TX_ID, 100);
		return new Transfer(txId.isEmpty() ? "L" + row.number() : txId, time(row, m), row.number(), payer,
				text(row, m, TransferField.PAYER_NAME, 200), payee, text(row, m, TransferField.PAYEE_NAME, 200),
				amountFen(text(row, m, TransferField.AMOUNT, 40)), text(row, m, TransferField.CHANNEL, 40),
				text(row, m, TransferField.MEMO, 500));
	}

	private static String text(TabularFile.Line row, ColumnMapping m, TransferField field, int max) {
		String value = m.column(field)
			.filter((c) -> c < row.cells().size())
			.map((c) -> row.cells().get(c).strip())
			.orElse("");
		if (value.length() > max) {
			throw new IllegalArgumentException("“" + field.label() + "”超过 " + max + " 个字符");
		}
		return value;
	}

	/** Epoch millis of the local time read as UTC, as the detector counts time. */
	static long time(TabularFile.Line row, ColumnMapping m) {
		String time = text(row, m, TransferField.TIME, 40);
		String date = text(row, m, TransferField.DATE, 40);
		if (time.isEmpty()) {
			throw new IllegalArgumentException("交易时间为空");
		}
		LocalDateTime at = date.isEmpty() ? dateTime(time) : dateTime(date).toLocalDate().atTime(timeOfDay(time));
		return at.toEpochSecond(ZoneOffset.UTC) * 1000;
	}

	static LocalDateTime dateTime(String text) {
		Matcher d = DATE_TIME.matcher(text.strip());
		if (!d.matches()) {
			throw new IllegalArgumentException("交易时间“" + text + "”无法识别，应如 2026-03-01 09:30:00");
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

	private static java.time.LocalTime timeOfDay(String text) {
		Matcher t = TIME_OF_DAY.matcher(text.strip());
		if (!t.matches()) {
			// a full date-time in the time column: take its time
			return dateTime(text).toLocalTime();
		}
		try {
			return java.time.LocalTime.of(Integer.parseInt(t.group(1)), Integer.parseInt(t.group(2)),
					t.group(3) == null ? 0 : Integer.parseInt(t.group(3)));
		}
		catch (DateTimeException ex) {
			throw new IllegalArgumentException("交易时间“" + text + "”不是有效的时刻");
		}
	}

	/**
	 * Yuan as {@link Money} reads it (thousands separators, a currency sign and 元
	 * allowed), more than zero.
	 */
	static long amountFen(String text) {
		long fen;
		try {
			fen = Money.parse(text).fen();
		}
		catch (Money.Unreadable ex) {
			throw new IllegalArgumentException(text.isBlank() ? "金额为空" : "金额“" + text + "”" + ex.reason());
		}
		if (fen == 0) {
			throw new IllegalArgumentException("金额“" + text + "”应大于 0");
		}
		return fen;
	}

}
