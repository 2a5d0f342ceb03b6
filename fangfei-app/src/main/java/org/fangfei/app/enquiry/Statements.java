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
import java.util.function.Consumer;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.BulkCopy;
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
 * are loaded once. The file is read as it arrives, written in chunks and never stored.
 * The detector's alerts on the matter's flows are not made here: the load publishes
 * {@link StatementLoaded} and {@link TraceAlerts} makes them after the commit.
 */
@Service
class Statements {

	static final String LOAD = "enquiry:statement:load";

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Statements.class);

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

	private final org.springframework.context.ApplicationEventPublisher events;

	private final BulkCopy copy;

	private final AuditLog audit;

	/** The serial numbers' hash (a test forces collisions with a constant). */
	java.util.function.ToLongFunction<SerialNumbers.Key> serialHash = SerialNumbers::hash;

	/** Reads a matter's flows a batch at a time, not all at once. */
	private final org.springframework.jdbc.core.JdbcTemplate fetching;

	Statements(JdbcClient jdbc, Enquiries enquiries, TraceAccounts accounts,
			org.springframework.context.ApplicationEventPublisher events, BulkCopy copy, AuditLog audit,
			javax.sql.DataSource dataSource) {
		this.fetching = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
		this.fetching.setFetchSize(10_000);
		this.jdbc = jdbc;
		this.enquiries = enquiries;
		this.accounts = accounts;
		this.events = events;
		this.copy = copy;
		this.audit = audit;
	}

	/**
	 * Where a statement's rows come from: a file read as it arrives, or lines read
	 * before.
	 */
	@FunctionalInterface
	interface Source {

		/**
		 * Hands every row of the file, the header and title rows included, to
		 * {@code sink}.
		 */
		void feed(Consumer<TabularFile.Line> sink);

	}

	/**
	 * An uploaded file, read as it arrives (never whole); refused when absent or
	 * unreadable.
	 */
	static Source source(MultipartFile file) {
		if (file == null || file.isEmpty()) {
			throw new Rejected("请选择银行对账单文件(.xls、.xlsx 或 .csv)", Map.of("file", "请选择文件"));
		}
		Source reading = (sink) -> {
			try (InputStream in = file.getInputStream()) {
				TabularFile.stream(file.getOriginalFilename(), in, MAX_ROWS + StatementReader.HEADER_SEARCH, sink);
			}
			catch (TooManyRows ex) {
				throw new Rejected("对账单超过 " + MAX_ROWS + " 行，请按期间拆分后分别上传");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		};
		return (sink) -> ReadAhead.feed(reading, sink);
	}

	/** Lines read before (the demo's, a test's). */
	static Source source(List<TabularFile.Line> lines) {
		return lines::forEach;
	}

	/**
	 * Loads the statement of {@code account} (blank: the account named in the title rows,
	 * or the enquiry's only account) answering an approved enquiry.
	 * @param chosen the user's mapping, or null to use the remembered one or the guess
	 */
	@Transactional
	Outcome load(long enquiryId, String fileName, List<TabularFile.Line> lines, String account, StatementMapping chosen,
			Actor actor) {
		return load(enquiryId, fileName, source(lines), account, chosen == null ? null : (width) -> chosen, actor);
	}

	/**
	 * Loads the statement read from {@code source} as it arrives: the first rows give the
	 * layout, then the transactions are read, checked and written in chunks, so a
	 * million-row file is held neither whole nor as its rows. An unreadable row refuses
	 * the file and the transaction undoes what was written.
	 * @param chosen the user's column choice given the header's width, or null to use the
	 * remembered mapping or the guess
	 */
	@Transactional
	Outcome load(long enquiryId, String fileName, Source source, String account,
			java.util.function.IntFunction<StatementMapping> chosen, Actor actor) {
		if (!actor.can(LOAD)) {
			throw new AccessDeniedException("无权导入银行对账单");
		}
		Enquiries.Enquiry enquiry = this.enquiries.get(enquiryId, actor.scope());
		if (!enquiry.approved() || enquiry.freeze()) {
			throw new Rejected("只有已批准的资金查询才能导入对账单");
		}
		Matter matter = new Matter(enquiry.matterKind(), enquiry.matterId(), enquiry.matterLabel(),
				enquiry.regionCode());
		Loading loading = new Loading(enquiryId, enquiry.bank(), matter, fileName, account, chosen, actor);
		Loaded loaded;
		long started = System.nanoTime();
		try {
			source.feed(loading::accept);
			loaded = loading.finish();
		}
		catch (Asked asked) {
			return asked.needs;
		}
		long read = System.nanoTime();
		// the detector runs over the matter's flows after this commits, in the background
		this.events.publishEvent(new StatementLoaded(matter.kind(), matter.id(), java.time.Instant.now()));
		if (log.isDebugEnabled()) {
			log.debug("statement {}: {} rows in {} ms (of which seen {} ms, accounts {} ms, pairing {} ms, COPY {} ms)",
					loaded.statementId(), loaded.rows(), ms(read - started), ms(loading.seenNanos),
					ms(loading.accountNanos), ms(loading.pairNanos), ms(loading.copyNanos));
		}
		this.audit.success(
				"STATEMENT_LOAD", "enquiry", enquiryId, "导入对账单 " + fileName + "（" + loaded.account() + "）："
						+ loaded.loaded() + " 笔，双方重复 " + loaded.duplicates() + " 笔，跳过合计行 " + loaded.summaries() + " 行",
				null, null);
		return loaded;
	}

	private static long ms(long nanos) {
		return nanos / 1_000_000;
	}

	/** Stops the reading: the layout needs the user's mapping first. */
	private static final class Asked extends RuntimeException {

		final transient NeedsMapping needs;

		Asked(NeedsMapping needs) {
			super(null, null, false, false);
			this.needs = needs;
		}

	}

	/** Transactions read and written per chunk. */
	static final int CHUNK = 20_000;

	/**
	 * One statement being loaded: the first rows are held until the header is found, then
	 * each row is read into the chunk, which is written when full.
	 */
	private final class Loading {

		private final long enquiryId;

		private final String bank;

		private final Matter matter;

		private final String fileName;

		private final String account;

		private final java.util.function.IntFunction<StatementMapping> chosen;

		private final Actor actor;

		private final List<TabularFile.Line> head = new ArrayList<>();

		private StatementReader.Layout layout;

		private StatementMapping mapping;

		private String own;

		private long ownId;

		private long statementId;

		private Seen seen;

		/** The matter's account ids by number, those this load met. */
		private final Map<String, Long> ids = new HashMap<>();

		private final List<StatementReader.Row> chunk = new ArrayList<>();

		private final List<String> errors = new ArrayList<>();

		private int errorCount;

		private int rows;

		private int summaries;

		private int written;

		private int duplicates;

		long seenNanos;

		long accountNanos;

		long pairNanos;

		long copyNanos;

		Loading(long enquiryId, String bank, Matter matter, String fileName, String account,
				java.util.function.IntFunction<StatementMapping> chosen, Actor actor) {
			this.enquiryId = enquiryId;
			this.bank = bank;
			this.matter = matter;
			this.fileName = fileName;
			this.account = account;
			this.chosen = chosen;
			this.actor = actor;
		}

		void accept(TabularFile.Line line) {
			if (this.layout == null) {
				this.head.add(line);
				if (this.head.size() > StatementReader.HEADER_SEARCH) {
					begin();
				}
				return;
			}
			read(line);
		}

		/**
		 * The header found among the first rows: the mapping, the account, the statement.
		 */
		private void begin() {
			this.layout = StatementReader.layout(this.head);
			List<String> header = this.layout.header().cells();
			String signature = HeaderNames.signature(header);
			StatementMapping mapping = this.chosen != null ? this.chosen.apply(header.size())
					: remembered(this.bank, signature, header.size());
			if (mapping == null) {
				mapping = this.layout.guess();
			}
			if (!mapping.missing().isEmpty()) {
				List<List<String>> sample = this.head
					.subList(this.layout.headerAt() + 1, Math.min(this.head.size(), this.layout.headerAt() + 6))
					.stream()
					.map(TabularFile.Line::cells)
					.toList();
				throw new Asked(new NeedsMapping(header, sample, mapping, mapping.missing()));
			}
			this.mapping = mapping;
			if (this.chosen != null) {
				Statements.this.jdbc.sql("""
						insert into statement_mapping (bank, header_signature, header, mapping, saved_by)
						values (:b, :s, :h, :m, :by)
						on conflict (bank, header_signature) do update set mapping = excluded.mapping,
						  saved_by = excluded.saved_by, saved_at = now()
						""")
					.param("b", this.bank)
					.param("s", signature)
					.param("h", String.join(",", header))
					.param("m", mapping.encode())
					.param("by", this.actor.username())
					.update();
			}
			this.own = ownAccount(this.enquiryId, this.account, this.layout);
			this.ownId = Statements.this.accounts.ensure(this.matter, List.of(this.own)).get(this.own);
			this.ids.put(this.own, this.ownId);
			Statements.this.accounts.describe(this.ownId, this.layout.ownHolder(), this.bank, null, true);
			this.statementId = Statements.this.jdbc
				.sql("""
						insert into statement (enquiry_id, matter_kind, matter_id, account_id, file_name, rows_read, rows_loaded,
						  duplicates, summary_rows, loaded_by)
						values (:e, :mk, :mid, :a, :f, 0, 0, 0, 0, :by) returning id
						""")
				.param("e", this.enquiryId)
				.param("mk", this.matter.kind())
				.param("mid", this.matter.id())
				.param("a", this.ownId)
				.param("f", this.fileName.length() > 200 ? this.fileName.substring(0, 200) : this.fileName)
				.param("by", this.actor.username())
				.query(Long.class)
				.single();
			long t0 = System.nanoTime();
			this.seen = seen(this.matter);
			this.seenNanos += System.nanoTime() - t0;
			for (TabularFile.Line line : this.head.subList(this.layout.headerAt() + 1, this.head.size())) {
				read(line);
			}
			this.head.clear();
		}

		private void read(TabularFile.Line line) {
			if (StatementReader.summary(line, this.mapping)) {
				this.summaries++;
				return;
			}
			try {
				StatementReader.Row row = StatementReader.row(line, this.mapping);
				this.rows++;
				if (this.errorCount == 0) {
					this.chunk.add(row);
					if (this.chunk.size() >= CHUNK) {
						write();
					}
				}
			}
			catch (IllegalArgumentException ex) {
				this.errorCount++;
				this.chunk.clear();
				if (this.errors.size() < StatementReader.ERRORS_SHOWN) {
					this.errors.add("第 " + line.number() + " 行：" + ex.getMessage());
				}
			}
		}

		Loaded finish() {
			if (this.layout == null) {
				begin();
			}
			if (this.errorCount > 0) {
				if (this.errorCount > this.errors.size()) {
					this.errors.add("……另有 " + (this.errorCount - this.errors.size()) + " 行无法读取");
				}
				throw new Rejected("对账单有 " + this.errorCount + " 处无法读取，未导入任何数据：" + String.join("；", this.errors));
			}
			if (this.rows == 0) {
				throw new Rejected("对账单没有交易记录");
			}
			write();
			Statements.this.jdbc.sql("""
					update statement set rows_read = :read, rows_loaded = :l, duplicates = :d, summary_rows = :sum
					where id = :id""")
				.param("read", this.rows)
				.param("l", this.written)
				.param("d", this.duplicates)
				.param("sum", this.summaries)
				.param("id", this.statementId)
				.update();
			return new Loaded(this.statementId, this.rows, this.written, this.duplicates, this.summaries,
					PersonalData.maskAccount(this.own));
		}

		/**
		 * Writes the chunk: its new counterparties (described by the first row that names
		 * them), then its flows less the duplicates, by COPY.
		 */
		private void write() {
			if (this.chunk.isEmpty()) {
				return;
			}
			long t0 = System.nanoTime();
			Map<String, TraceAccounts.Described> fresh = new java.util.LinkedHashMap<>();
			for (StatementReader.Row r : this.chunk) {
				String number = r.counterAccount().isEmpty() ? CASH : r.counterAccount();
				if (!this.ids.containsKey(number) && !fresh.containsKey(number)) {
					fresh.put(number, CASH.equals(number) ? null
							: new TraceAccounts.Described(r.counterName(), r.counterBank(), r.counterId()));
				}
			}
			if (!fresh.isEmpty()) {
				this.ids.putAll(Statements.this.accounts.ensure(this.matter, fresh));
			}
			long t1 = System.nanoTime();
			this.accountNanos += t1 - t0;
			List<Flow> read = new ArrayList<>(this.chunk.size());
			List<SerialNumbers.Key> keys = new ArrayList<>(this.chunk.size());
			for (StatementReader.Row r : this.chunk) {
				long counter = this.ids.get(r.counterAccount().isEmpty() ? CASH : r.counterAccount());
				long payer = r.signedFen() > 0 ? counter : this.ownId;
				long payee = r.signedFen() > 0 ? this.ownId : counter;
				Flow f = new Flow(r, payer, payee, Math.abs(r.signedFen()));
				read.add(f);
				keys.add(f.serialKey());
			}
			this.chunk.clear();
			java.util.BitSet repeated = this.seen.serials.repeated(keys, (asked) -> storedSerials(this.matter, asked));
			List<Flow> flows = new ArrayList<>(read.size());
			for (int i = 0; i < read.size(); i++) {
				Flow f = read.get(i);
				if (repeated.get(i)) {
					this.duplicates++;
				}
				else if (this.seen.paired(f)) {
					this.seen.serials.dropped(keys.get(i));
					this.duplicates++;
				}
				else {
					flows.add(f);
				}
			}
			long t2 = System.nanoTime();
			this.pairNanos += t2 - t1;
			Statements.this.copy.copy("trace_flow",
					"matter_kind, matter_id, statement_id, line, at, payer_id, payee_id,"
							+ " amount_fen, serial, memo, channel",
					chunks(this.matter, this.statementId, flows));
			this.written += flows.size();
			this.copyNanos += System.nanoTime() - t2;
		}

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

	private record Flow(StatementReader.Row row, long payer, long payee, long fen) {

		public String pairKey() {
			return this.row.at() + "|" + this.fen + "|" + this.payer + "|" + this.payee;
		}

		public SerialNumbers.Key serialKey() {
			return this.row.serial().isEmpty() ? null : new SerialNumbers.Key(this.row.serial(), this.fen);
		}

	}

	/**
	 * The matter's transfers already loaded, counted by time, amount and pair, and their
	 * serial numbers with the amount. A transfer is already loaded when it has the same
	 * serial number and amount as one seen, or the same time, amount and pair as a loaded
	 * transfer not yet matched — the other side's row from the counterparty's statement,
	 * or the same statement loaded again.
	 */
	private static final class Seen {

		final Map<String, Integer> pairs = new HashMap<>();

		final SerialNumbers serials;

		Seen(java.util.function.ToLongFunction<SerialNumbers.Key> hash) {
			this.serials = new SerialNumbers(hash);
		}

		/**
		 * Whether {@code f} (its serial number not seen) has the same time, amount and
		 * pair as a loaded transfer not yet matched. Matching counts, so two equal
		 * transfers in one statement stay two, and each matches one loaded transfer at
		 * most.
		 */
		boolean paired(Flow f) {
			if (this.pairs.isEmpty()) {
				return false;
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
		Seen seen = new Seen(this.serialHash);
		this.fetching.query(
				"""
						select at, amount_fen, payer_id, payee_id, serial from trace_flow where matter_kind = ? and matter_id = ?
						""",
				(rs) -> {
					LocalDateTime at = rs.getObject(1, LocalDateTime.class);
					long fen = rs.getLong(2);
					seen.pairs.merge(at + "|" + fen + "|" + rs.getLong(3) + "|" + rs.getLong(4), 1, Integer::sum);
					String serial = rs.getString(5);
					if (serial != null) {
						seen.serials.loaded(new SerialNumbers.Key(serial, fen));
					}
				}, matter.kind(), matter.id());
		return seen;
	}

	/**
	 * Of the serial numbers and amounts asked, those among the matter's written transfers
	 * (this load's earlier chunks included): one join, however many are asked.
	 */
	private Set<SerialNumbers.Key> storedSerials(Matter matter, List<SerialNumbers.Key> asked) {
		String[] serials = asked.stream().map(SerialNumbers.Key::serial).toArray(String[]::new);
		Long[] fens = asked.stream().map(SerialNumbers.Key::fen).toArray(Long[]::new);
		Set<SerialNumbers.Key> found = new HashSet<>();
		this.fetching.query("""
				select distinct f.serial, f.amount_fen from trace_flow f
				join unnest(?::varchar[], ?::bigint[]) k(serial, fen) on f.serial = k.serial and f.amount_fen = k.fen
				where f.matter_kind = ? and f.matter_id = ?
				""", (rs) -> {
			found.add(new SerialNumbers.Key(rs.getString(1), rs.getLong(2)));
		}, serials, fens, matter.kind(), matter.id());
		return found;
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
