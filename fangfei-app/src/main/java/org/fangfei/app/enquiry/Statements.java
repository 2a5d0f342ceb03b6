package org.fangfei.app.enquiry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.BlindIndex;
import org.fangfei.app.shared.BulkCopy;
import org.fangfei.app.shared.FieldCipher;
import org.fangfei.app.shared.HeaderNames;
import org.fangfei.app.shared.PersonalData;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.TabularFile;
import org.fangfei.app.shared.TooManyRows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Loads a bank's statement into its matter's accounts and flows: the layout is found
 * ({@link StatementReader}), the mapping is the one remembered for the bank and header,
 * or the guess, or the user's choice (then remembered); every row must read, or the file
 * is refused naming the lines; both sides of one transfer — the same time, amount and
 * pair seen from the other account's statement, or the same serial number and amount —
 * are loaded once. The file is read in memory and never stored.
 */
@Service
class Statements {

	static final String LOAD = "enquiry:statement:load";

	/** Most transaction rows in one statement file. */
	static final int MAX_ROWS = 1_000_000;

	/** The pseudo-account of rows without a counterparty (cash, fees, interest). */
	static final String CASH = "CASH";

	/** What a load did, or what it still needs. */
	sealed interface Outcome {

	}

	/** Loaded. */
	public record Loaded(long statementId, int rows, int loaded, int duplicates, int summaries,
			String account) implements Outcome {
	}

	/**
	 * The mapping is incomplete: the header, the first rows and the guess, for the form.
	 */
	public record NeedsMapping(List<String> header, List<List<String>> sample, StatementMapping guess,
			List<String> missing) implements Outcome {
	}

	private final JdbcClient jdbc;

	private final Enquiries enquiries;

	private final TraceAccounts accounts;

	private final TraceAlerts alerts;

	private final BulkCopy copy;

	private final AuditLog audit;

	Statements(JdbcClient jdbc, Enquiries enquiries, TraceAccounts accounts, TraceAlerts alerts, BulkCopy copy,
			AuditLog audit) {
		this.jdbc = jdbc;
		this.enquiries = enquiries;
		this.accounts = accounts;
		this.alerts = alerts;
		this.copy = copy;
		this.audit = audit;
	}

	/** Reads an uploaded file's lines; refused when absent or unreadable. */
	static List<TabularFile.Line> lines(MultipartFile file) {
		if (file == null || file.isEmpty()) {
			throw new Rejected("请选择银行对账单文件(.xls、.xlsx 或 .csv)", Map.of("file", "请选择文件"));
		}
		try (InputStream in = file.getInputStream()) {
			return TabularFile.readLines(file.getOriginalFilename(), in, MAX_ROWS + StatementReader.HEADER_SEARCH);
		}
		catch (TooManyRows ex) {
			throw new Rejected("对账单超过 " + MAX_ROWS + " 行，请按期间拆分后分别上传");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Loads the statement of {@code account} (blank: the account named in the title rows,
	 * or the enquiry's only account) answering an approved enquiry.
	 * @param chosen the user's mapping, or null to use the remembered one or the guess
	 */
	@Transactional
	Outcome load(long enquiryId, String fileName, List<TabularFile.Line> lines, String account, StatementMapping chosen,
			Actor actor) {
		if (!actor.can(LOAD)) {
			throw new AccessDeniedException("无权导入银行对账单");
		}
		Enquiries.Enquiry enquiry = this.enquiries.get(enquiryId, actor.scope());
		if (!enquiry.approved() || enquiry.freeze()) {
			throw new Rejected("只有已批准的资金查询才能导入对账单");
		}
		StatementReader.Layout layout = StatementReader.layout(lines);
		List<String> header = layout.header().cells();
		String signature = HeaderNames.signature(header);
		StatementMapping mapping = chosen != null ? chosen : remembered(enquiry.bank(), signature, header.size());
		if (mapping == null) {
			mapping = layout.guess();
		}
		if (!mapping.missing().isEmpty()) {
			List<List<String>> sample = lines
				.subList(layout.headerAt() + 1, Math.min(lines.size(), layout.headerAt() + 6))
				.stream()
				.map(TabularFile.Line::cells)
				.toList();
			return new NeedsMapping(header, sample, mapping, mapping.missing());
		}
		String own = ownAccount(enquiryId, account, layout);
		StatementReader.Read read = StatementReader.read(lines, layout.headerAt(), mapping);
		if (!read.errors().isEmpty()) {
			throw new Rejected("对账单有 " + read.errors().size() + " 处无法读取，未导入任何数据：" + String.join("；", read.errors()));
		}
		if (read.rows().isEmpty()) {
			throw new Rejected("对账单没有交易记录");
		}
		Matter matter = new Matter(enquiry.matterKind(), enquiry.matterId(), enquiry.matterLabel(),
				enquiry.regionCode());
		Loaded loaded = write(enquiryId, matter, fileName, own, layout.ownHolder(), enquiry.bank(), read, actor);
		if (chosen != null) {
			this.jdbc.sql("""
					insert into statement_mapping (bank, header_signature, header, mapping, saved_by)
					values (:b, :s, :h, :m, :by)
					on conflict (bank, header_signature) do update set mapping = excluded.mapping,
					  saved_by = excluded.saved_by, saved_at = now()
					""")
				.param("b", enquiry.bank())
				.param("s", signature)
				.param("h", String.join(",", header))
				.param("m", chosen.encode())
				.param("by", actor.username())
				.update();
		}
		this.alerts.detect(matter);
		this.audit.success(
				"STATEMENT_LOAD", "enquiry", enquiryId, "导入对账单 " + fileName + "（" + loaded.account() + "）："
						+ loaded.loaded() + " 笔，双方重复 " + loaded.duplicates() + " 笔，跳过合计行 " + loaded.summaries() + " 行",
				null, null);
		return loaded;
	}

	private StatementMapping remembered(String bank, String signature, int width) {
		return this.jdbc.sql("select mapping from statement_mapping where bank = :b and header_signature = :s")
			.param("b", bank)
			.param("s", signature)
			.query(String.class)
			.optional()
			.map(StatementMapping::decode)
			.filter((m) -> m.missing().isEmpty() && m.columns().values().stream().allMatch((c) -> c < width))
			.orElse(null);
	}

	private String ownAccount(long enquiryId, String chosen, StatementReader.Layout layout) {
		if (chosen != null && !chosen.isBlank()) {
			String number = StatementReader.normaliseAccount(chosen);
			if (!number.matches("[0-9A-Za-z]{6,40}")) {
				throw new Rejected("对账单所属账号“" + chosen + "”无效", Map.of("account", "账号无效"));
			}
			return number;
		}
		if (layout.ownAccount() != null) {
			return layout.ownAccount();
		}
		Map<Long, String> numbers = this.enquiries.numbers(enquiryId);
		if (numbers.size() == 1) {
			return numbers.values().iterator().next();
		}
		throw new Rejected("对账单表头上方没有写明账号，请填写这份对账单所属的账号", Map.of("account", "请填写账号"));
	}

	private Loaded write(long enquiryId, Matter matter, String fileName, String own, String ownHolder, String bank,
			StatementReader.Read read, Actor actor) {
		Set<String> numbers = new HashSet<>();
		numbers.add(own);
		for (StatementReader.Row r : read.rows()) {
			numbers.add(r.counterAccount().isEmpty() ? CASH : r.counterAccount());
		}
		Map<String, Long> ids = this.accounts.ensure(matter, numbers);
		long ownId = ids.get(own);
		this.accounts.describe(ownId, ownHolder, bank, null, true);
		Map<Long, String[]> described = new HashMap<>();
		for (StatementReader.Row r : read.rows()) {
			if (!r.counterAccount().isEmpty()) {
				described.putIfAbsent(ids.get(r.counterAccount()),
						new String[] { r.counterName(), r.counterBank(), r.counterId() });
			}
		}
		described.forEach((id, d) -> this.accounts.describe(id, d[0], d[1], d[2], false));
		long statementId = this.jdbc
			.sql("""
					insert into statement (enquiry_id, matter_kind, matter_id, account_id, file_name, rows_read, rows_loaded,
					  duplicates, summary_rows, loaded_by)
					values (:e, :mk, :mid, :a, :f, :read, 0, 0, :sum, :by) returning id
					""")
			.param("e", enquiryId)
			.param("mk", matter.kind())
			.param("mid", matter.id())
			.param("a", ownId)
			.param("f", fileName.length() > 200 ? fileName.substring(0, 200) : fileName)
			.param("read", read.rows().size())
			.param("sum", read.summaries())
			.param("by", actor.username())
			.query(Long.class)
			.single();
		Seen seen = seen(matter);
		List<Flow> flows = new ArrayList<>(read.rows().size());
		int duplicates = 0;
		for (StatementReader.Row r : read.rows()) {
			long counter = ids.get(r.counterAccount().isEmpty() ? CASH : r.counterAccount());
			long payer = r.signedFen() > 0 ? counter : ownId;
			long payee = r.signedFen() > 0 ? ownId : counter;
			Flow f = new Flow(r, payer, payee, Math.abs(r.signedFen()));
			if (seen.duplicate(f)) {
				duplicates++;
				continue;
			}
			flows.add(f);
		}
		this.copy.copy("trace_flow", "matter_kind, matter_id, statement_id, line, at, payer_id, payee_id, amount_fen,"
				+ " serial, memo, channel", chunks(matter, statementId, flows));
		this.jdbc.sql("update statement set rows_loaded = :l, duplicates = :d where id = :id")
			.param("l", flows.size())
			.param("d", duplicates)
			.param("id", statementId)
			.update();
		return new Loaded(statementId, read.rows().size(), flows.size(), duplicates, read.summaries(),
				PersonalData.maskAccount(own));
	}

	private record Flow(StatementReader.Row row, long payer, long payee, long fen) {

		public String pairKey() {
			return this.row.at() + "|" + this.fen + "|" + this.payer + "|" + this.payee;
		}

		public String serialKey() {
			return this.row.serial().isEmpty() ? null : this.row.serial() + "|" + this.fen;
		}

	}

	/**
	 * The matter's transfers already loaded, counted by time, amount and pair, and their
	 * serial numbers with the amount.
	 */
	private static final class Seen {

		final Map<String, Integer> pairs = new HashMap<>();

		final Set<String> serials = new HashSet<>();

		/**
		 * Whether {@code f} is a transfer already loaded: the same serial number and
		 * amount, or the same time, amount and pair as a loaded transfer not yet matched
		 * — the other side's row from the counterparty's statement, or the same statement
		 * loaded again. Matching counts, so two equal transfers in one statement stay
		 * two, and each matches one loaded transfer at most.
		 */
		boolean duplicate(Flow f) {
			String serial = f.serialKey();
			if (serial != null && !this.serials.add(serial)) {
				return true;
			}
			Integer left = this.pairs.get(f.pairKey());
			if (left == null || left == 0) {
				return false;
			}
			this.pairs.put(f.pairKey(), left - 1);
			return true;
		}

	}

	private Seen seen(Matter matter) {
		Seen seen = new Seen();
		this.jdbc
			.sql("""
					select at, amount_fen, payer_id, payee_id, serial from trace_flow where matter_kind = :k and matter_id = :m
					""")
			.param("k", matter.kind())
			.param("m", matter.id())
			.query((rs) -> {
				LocalDateTime at = rs.getObject(1, LocalDateTime.class);
				long fen = rs.getLong(2);
				seen.pairs.merge(at + "|" + fen + "|" + rs.getLong(3) + "|" + rs.getLong(4), 1, Integer::sum);
				String serial = rs.getString(5);
				if (serial != null) {
					seen.serials.add(serial + "|" + fen);
				}
			});
		return seen;
	}

	private static Iterator<BulkCopy.Rows> chunks(Matter matter, long statementId, List<Flow> flows) {
		return new Iterator<>() {

			private int next;

			@Override
			public boolean hasNext() {
				return this.next < flows.size();
			}

			@Override
			public BulkCopy.Rows next() {
				int end = Math.min(flows.size(), this.next + 5_000);
				BulkCopy.Rows rows = new BulkCopy.Rows(end - this.next);
				for (; this.next < end; this.next++) {
					Flow f = flows.get(this.next);
					StatementReader.Row r = f.row();
					rows.add(matter.kind())
						.add(matter.id())
						.add(statementId)
						.add(r.line())
						.add(r.at().toString())
						.add(f.payer())
						.add(f.payee())
						.add(f.fen())
						.add(r.serial().isEmpty() ? null : r.serial())
						.add(r.memo())
						.add(r.channel())
						.end();
				}
				return rows;
			}

		};
	}

}
