package org.fangfei.app.casefile;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.BlindIndex;
import org.fangfei.app.shared.BulkCopy;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.FieldCipher;
import org.fangfei.app.shared.Money;
import org.fangfei.app.shared.PageOf;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.PersonalData;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.TabularFile;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * 集资参与人登记: the people who put money into a case's scheme. Their ID number and phone are
 * kept as people's are (SM4-GCM with AAD {@code case_participant.<column>:<id>}, an
 * HMAC-SM3 blind index for exact search and uniqueness within the case, a masked copy for
 * display). A claim is checked by the office — accepted, or refused with a reason — and
 * only accepted claims share in refunds, in proportion to their net loss (amount put in
 * less what came back as "interest"). A register is imported from Excel or CSV all or
 * nothing.
 */
@Service
class Participants {

	static final String ID_NUMBER = "case_participant.id_number";

	static final String PHONE = "case_participant.phone";

	/**
	 * What a participant {@code p} has been refunded, summed from the payments of the
	 * batches ({@code case_refund}): a batch writes its payments and changes no
	 * participant row, so a million-participant batch is one insert.
	 */
	static final String REFUNDED = "(select coalesce(sum(r.amount_fen), 0) from case_refund r"
			+ " where r.participant_id = p.id) as refunded_fen";

	static final int MAX_IMPORT = 200_000;

	static final List<String> TEMPLATE = List.of("姓名", "身份证号", "手机号", "投入金额(元)", "已收回金额(元)");

	private final JdbcClient jdbc;

	private final BulkCopy copy;

	private final Cases cases;

	private final AuditLog audit;

	private final FieldCipher cipher;

	private final BlindIndex index;

	/** Register totals per case, with the case version they were counted at. */
	private final Cache<Long, Counted> totalsByCase = Caffeine.newBuilder().maximumSize(1_000).build();

	Participants(JdbcClient jdbc, BulkCopy copy, Cases cases, AuditLog audit, FieldCipher cipher, BlindIndex index) {
		this.jdbc = jdbc;
		this.copy = copy;
		this.cases = cases;
		this.audit = audit;
		this.cipher = cipher;
		this.index = index;
	}

	/** A participant as entered; amounts in yuan. */
	record ParticipantForm(String name, String idNumber, String phone, String invested, String received) {
	}

	/** A participant as shown: identity masked. */
	record Participant(long id, String name, String idNumberMasked, String phoneMasked, long investedFen,
			long receivedFen, long refundedFen, ClaimStatus claim, String claimReason) {

		public long netLossFen() {
			return Math.max(0, this.investedFen - this.receivedFen);
		}

		public String invested() {
			return Money.yuan(this.investedFen);
		}

		public String received() {
			return Money.yuan(this.receivedFen);
		}

		public String refunded() {
			return Money.yuan(this.refundedFen);
		}

		public String netLoss() {
			return Money.yuan(netLossFen());
		}

	}

	private record Checked(String name, String idNumber, String phone, long invested, long received) {
	}

	@Transactional
	long add(long caseId, int seenVersion, ParticipantForm form, Actor actor) {
		CaseRegistry.need(actor);
		CaseFile c = this.cases.forChange(caseId, seenVersion, actor);
		Map<String, String> errors = new LinkedHashMap<>();
		Checked p = check(form, errors);
		if (p != null && exists(caseId, p.idNumber)) {
			errors.put("idNumber", "该身份证号已登记为本案集资参与人");
		}
		if (!errors.isEmpty()) {
			throw new Rejected(String.join("；", errors.values()), errors);
		}
		c.record("参与人登记", p.name + " " + PersonalData.maskIdNumber(p.idNumber) + " 投入 " + Money.yuan(p.invested));
		this.cases.save(c, actor);
		long id = write(caseId, List.of(p), List.of(this.index.of(ID_NUMBER, p.idNumber))).get(0);
		this.audit.success("CASE_PARTICIPANT", "case", caseId, c.code() + " 登记参与人 " + p.name, null, null);
		return id;
	}

	/**
	 * Imports a register: every row checked (and against the case's register and the
	 * file's other rows), nothing written while any row fails; returns the rows written.
	 */
	@Transactional
	int importFile(long caseId, int seenVersion, String filename, InputStream in, Actor actor) {
		CaseRegistry.need(actor);
		CaseFile c = this.cases.forChange(caseId, seenVersion, actor);
		List<TabularFile.Line> lines = TabularFile.readLines(filename, in, MAX_IMPORT);
		if (lines.isEmpty() || !lines.get(0)
			.cells()
			.subList(0, Math.min(TEMPLATE.size(), lines.get(0).cells().size()))
			.stream()
			.map(String::strip)
			.toList()
			.equals(TEMPLATE)) {
			throw new Rejected("表头应为：" + String.join("、", TEMPLATE) + "（请使用导入模板）");
		}
		if (lines.size() == 1) {
			throw new Rejected("文件中没有参与人");
		}
		// each row checked and its blind index made on both cores: a register may have
		// hundreds of thousands of rows (docs/performance.md)
		List<TabularFile.Line> body = lines.subList(1, lines.size());
		int n = body.size();
		Checked[] checked = new Checked[n];
		String[] indexes = new String[n];
		List<Map<String, String>> errorsOf = new ArrayList<>(java.util.Collections.nCopies(n, null));
		java.util.stream.IntStream.range(0, n).parallel().forEach(i -> {
			List<String> cells = new ArrayList<>(body.get(i).cells());
			while (cells.size() < TEMPLATE.size()) {
				cells.add("");
			}
			Map<String, String> errors = new LinkedHashMap<>();
			checked[i] = check(
					new ParticipantForm(cells.get(0), cells.get(1), cells.get(2), cells.get(3), cells.get(4)), errors);
			indexes[i] = checked[i] == null ? null : this.index.of(ID_NUMBER, checked[i].idNumber);
			errorsOf.set(i, errors);
		});
		Set<String> inFile = new HashSet<>();
		for (int i = 0; i < n; i++) {
			if (indexes[i] != null && !inFile.add(indexes[i])) {
				errorsOf.get(i).put("idNumber", "身份证号在文件中重复");
			}
		}
		List<Checked> rows = new ArrayList<>(n);
		List<String> rowIndexes = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			if (errorsOf.get(i).isEmpty()) {
				rows.add(checked[i]);
				rowIndexes.add(indexes[i]);
			}
		}
		refuseProblems(body, errorsOf);
		c.record("参与人导入", "导入集资参与人 " + rows.size() + " 人（" + filename + "）");
		this.cases.save(c, actor);
		// the register's unique index finds numbers already registered; only then are the
		// file's numbers looked up, to name their rows (a lookup of every row would cost
		// a
		// tenth of the import: docs/performance.md)
		TransactionStatus tx = TransactionAspectSupport.currentTransactionStatus();
		Object beforeWrite = tx.createSavepoint();
		try {
			write(caseId, rows, rowIndexes);
		}
		catch (DuplicateKeyException ex) {
			tx.rollbackToSavepoint(beforeWrite);
			Set<String> registered = new HashSet<>(this.jdbc
				.sql("select id_number_idx from case_participant where case_id = :c and id_number_idx = any(:idx)")
				.param("c", caseId)
				.param("idx", inFile.toArray(String[]::new))
				.query(String.class)
				.list());
			for (int i = 0; i < n; i++) {
				if (indexes[i] != null && registered.contains(indexes[i])) {
					errorsOf.get(i).put("idNumber", "该身份证号已登记为本案集资参与人");
				}
			}
			refuseProblems(body, errorsOf);
			throw ex;
		}
		this.audit.success("CASE_PARTICIPANT_IMPORT", "case", caseId, c.code() + " 导入参与人 " + rows.size() + " 人", null,
				null);
		return rows.size();
	}

	/** Refuses the import, naming the first hundred rows with their problems, if any. */
	private static void refuseProblems(List<TabularFile.Line> body, List<Map<String, String>> errorsOf) {
		List<String> problems = new ArrayList<>();
		for (int i = 0; i < body.size() && problems.size() <= 100; i++) {
			Map<String, String> errors = errorsOf.get(i);
			if (!errors.isEmpty()) {
				problems.add(problems.size() < 100
						? "第" + body.get(i).number() + "行：" + String.join("；", errors.values()) : "……");
			}
		}
		if (!problems.isEmpty()) {
			throw new Rejected("导入未执行，请改正后重新上传：" + String.join("\n", problems));
		}
	}

	/**
	 * Accepts every claim still waiting (待核实) at once: for a register taken from the
	 * investigation's own records, where checking a million rows one by one is not the
	 * work. Returns how many were accepted.
	 */
	@Transactional
	int acceptWaiting(long caseId, int seenVersion, Actor actor) {
		CaseRegistry.need(actor);
		CaseFile c = this.cases.forChange(caseId, seenVersion, actor);
		long waiting = this.jdbc.sql("select count(*) from case_participant where case_id = :c and claim = 'CLAIMED'")
			.param("c", caseId)
			.query(Long.class)
			.single();
		if (waiting == 0) {
			throw new Rejected("没有待核实的集资参与人");
		}
		c.record("参与人核实", "待核实的集资参与人 " + waiting + " 人全部认可");
		this.cases.save(c, actor);
		int accepted = this.jdbc.sql("""
				update case_participant set claim = 'ACCEPTED', claim_reason = null
				where case_id = :c and claim = 'CLAIMED'
				""").param("c", caseId).update();
		this.audit.success("CASE_PARTICIPANT_ACCEPT_ALL", "case", caseId, c.code() + " 认可待核实的集资参与人 " + accepted + " 人",
				null, null);
		return accepted;
	}

	/**
	 * Accepts or refuses a claim; a refusal needs the reason the participant will see.
	 */
	@Transactional
	void decide(long caseId, int seenVersion, long participantId, ClaimStatus claim, String reason, Actor actor) {
		CaseRegistry.need(actor);
		CaseFile c = this.cases.forChange(caseId, seenVersion, actor);
		Participant p = get(caseId, participantId);
		String why = reason == null || reason.isBlank() ? null : reason.strip();
		if (claim == null || claim == ClaimStatus.CLAIMED) {
			throw new Rejected("请选择核实结果", Map.of("claim", "请选择核实结果"));
		}
		if (claim == ClaimStatus.REFUSED && why == null) {
			throw new Rejected("不予认可须写明理由", Map.of("reason", "不予认可须写明理由"));
		}
		if (why != null && why.length() > 500) {
			throw new Rejected("理由不能超过500字", Map.of("reason", "理由不能超过500字"));
		}
		if (p.refundedFen() > 0 && claim == ClaimStatus.REFUSED) {
			throw new Rejected("该参与人已领取清退款，不能改为不予认可");
		}
		if (claim == ClaimStatus.ACCEPTED && p.receivedFen() > p.investedFen()) {
			throw new Rejected("已收回金额大于投入金额，没有可清退的损失");
		}
		c.record("参与人核实", p.name() + " " + p.idNumberMasked() + " " + claim.label() + (why == null ? "" : "：" + why));
		this.cases.save(c, actor);
		this.jdbc.sql("update case_participant set claim = :claim, claim_reason = :reason where id = :id")
			.param("claim", claim.name())
			.param("reason", why)
			.param("id", participantId)
			.update();
		this.audit.success("CASE_PARTICIPANT_CLAIM", "case", caseId,
				c.code() + " 参与人 " + participantId + " " + claim.label(), null, null);
	}

	/**
	 * The register, newest first; {@code q} is a name prefix, or an ID number or phone
	 * matched exactly through the blind index.
	 */
	PageOf<Participant> search(long caseId, String q, ClaimStatus claim, DataScope scope, PageRequest paging) {
		this.cases.load(caseId, scope);
		String text = q == null ? "" : q.strip();
		String idx = null;
		String phoneIdx = null;
		if (PersonalData.isValidIdNumber(PersonalData.normaliseIdNumber(text))) {
			idx = this.index.of(ID_NUMBER, PersonalData.normaliseIdNumber(text));
		}
		else if (PersonalData.isValidPhone(PersonalData.normalisePhone(text))) {
			phoneIdx = this.index.of(PHONE, PersonalData.normalisePhone(text));
		}
		String where = " where case_id = :c"
				+ (idx != null ? " and id_number_idx = :idx"
						: phoneIdx != null ? " and phone_idx = :phone" : text.isEmpty() ? "" : " and name like :name")
				+ (claim == null ? "" : " and claim = :claim");
		Map<String, Object> params = new java.util.HashMap<>();
		params.put("c", caseId);
		params.put("idx", idx);
		params.put("phone", phoneIdx);
		params.put("name", org.fangfei.app.shared.SqlLike.startsWith(text));
		params.put("claim", claim == null ? null : claim.name());
		long total;
		if (idx == null && phoneIdx == null && text.isEmpty()) {
			// the whole register or one claim state: counted in its totals
			Totals t = totals(caseId);
			total = claim == null ? t.participants() : switch (claim) {
				case ACCEPTED -> t.accepted();
				case CLAIMED -> t.waiting();
				case REFUSED -> t.participants() - t.accepted() - t.waiting();
			};
		}
		else {
			total = this.jdbc.sql("select count(*) from case_participant" + where)
				.params(params)
				.query(Long.class)
				.single();
		}
		List<Participant> items = this.jdbc
			.sql("select p.*, " + REFUNDED + " from case_participant p" + where
					+ " order by id desc limit :limit offset :offset")
			.params(params)
			.param("limit", paging.size())
			.param("offset", paging.offset())
			.query((rs, n) -> participant(rs))
			.list();
		return paging.pageOf(items, total);
	}

	Participant get(long caseId, long participantId) {
		return this.jdbc.sql("select p.*, " + REFUNDED + " from case_participant p where id = :id and case_id = :c")
			.param("id", participantId)
			.param("c", caseId)
			.query((rs, n) -> participant(rs))
			.optional()
			.orElseThrow(() -> new Rejected("集资参与人不存在"));
	}

	/** Counts and sums of the register, for the case page. */
	record Totals(long participants, long accepted, long waiting, long investedFen, long netLossFen, long refundedFen) {

		/**
		 * 已清退比例: what was refunded over the accepted net loss, in per cent
		 * ({@link ClearanceRatio} is what the assets can pay).
		 */
		public String ratio() {
			return this.netLossFen == 0 ? "—" : java.math.BigDecimal.valueOf(this.refundedFen * 100)
				.divide(java.math.BigDecimal.valueOf(this.netLossFen), 2, java.math.RoundingMode.DOWN) + "%";
		}

	}

	/**
	 * The register's totals. Every change of the register saves its case with a new
	 * version (Cases#save), so totals computed for a version stay true until the next:
	 * they are kept per case and version, and a register of a million participants is
	 * summed once per change instead of at every page (docs/performance.md).
	 */
	Totals totals(long caseId) {
		int version = this.jdbc.sql("select version from case_file where id = :c")
			.param("c", caseId)
			.query(Integer.class)
			.single();
		Counted kept = this.totalsByCase.getIfPresent(caseId);
		if (kept != null && kept.version() == version) {
			return kept.totals();
		}
		// the version read in the same statement (one snapshot) as the sums it labels
		Counted counted = this.jdbc.sql("""
				select count(*), count(*) filter (where claim = 'ACCEPTED'), count(*) filter (where claim = 'CLAIMED'),
				  coalesce(sum(invested_fen), 0),
				  coalesce(sum(greatest(invested_fen - received_fen, 0)) filter (where claim = 'ACCEPTED'), 0),
				  (select coalesce(sum(b.amount_fen), 0) from case_refund_batch b where b.case_id = :c),
				  (select version from case_file where id = :c)
				from case_participant where case_id = :c
				""")
			.param("c", caseId)
			.query((rs, n) -> new Counted(rs.getInt(7),
					new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
							rs.getLong(6))))
			.single();
		this.totalsByCase.put(caseId, counted);
		return counted.totals();
	}

	private record Counted(int version, Totals totals) {
	}

	/**
	 * Puts an accepted self-registered claim on the register (in the caller's
	 * transaction): the participant with that ID number gets the claim's figures and is
	 * accepted, or is added accepted; refuses figures that leave less loss than was
	 * already refunded. Returns the participant's id.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	long acceptClaim(long caseId, String name, String idNumber, String phone, long invested, long received) {
		Long existing = this.jdbc
			.sql("select id from case_participant where case_id = :c and id_number_idx = :idx for update")
			.param("c", caseId)
			.param("idx", this.index.of(ID_NUMBER, idNumber))
			.query(Long.class)
			.optional()
			.orElse(null);
		long id = existing != null ? existing
				: write(caseId, List.of(new Checked(name, idNumber, phone, invested, received)),
						List.of(this.index.of(ID_NUMBER, idNumber)))
					.get(0);
		Participant p = get(caseId, id);
		if (received + p.refundedFen() > invested) {
			throw new Rejected("认可后的损失少于该参与人已领取的清退款，请核对金额");
		}
		this.jdbc.sql("""
				update case_participant set invested_fen = :invested, received_fen = :received, claim = 'ACCEPTED',
				  claim_reason = null where id = :id""")
			.param("invested", invested)
			.param("received", received)
			.param("id", id)
			.update();
		return id;
	}

	/**
	 * Registers the participants the office confirmed from the traced inflows, in the
	 * caller's transaction: each checked as an entry is, and against the other rows; one
	 * whose ID number is registered already is skipped, never added twice. Refuses naming
	 * the rows by their labels (as on the review form) when any fails. Returns what was
	 * written and what was skipped, and the sums put in and received of those written.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	long[] addTraced(long caseId, List<ParticipantForm> forms, List<String> labels) {
		List<String> problems = new ArrayList<>();
		List<Checked> rows = new ArrayList<>();
		List<String> indexes = new ArrayList<>();
		Map<String, Integer> seen = new java.util.HashMap<>();
		for (int i = 0; i < forms.size(); i++) {
			Map<String, String> errors = new LinkedHashMap<>();
			Checked p = check(forms.get(i), errors);
			String idx = p == null ? null : this.index.of(ID_NUMBER, p.idNumber);
			if (idx != null && seen.containsKey(idx)) {
				errors.put("idNumber", "身份证号与" + labels.get(seen.get(idx)) + "重复");
			}
			if (!errors.isEmpty()) {
				problems.add(labels.get(i) + "：" + String.join("；", errors.values()));
				continue;
			}
			seen.put(idx, i);
			rows.add(p);
			indexes.add(idx);
		}
		if (!problems.isEmpty()) {
			throw new Rejected("导入未执行，请改正后再确认：" + String.join("\n", problems));
		}
		Set<String> registered = new HashSet<>(this.jdbc
			.sql("select id_number_idx from case_participant where case_id = :c and id_number_idx = any(:idx)")
			.param("c", caseId)
			.param("idx", indexes.toArray(String[]::new))
			.query(String.class)
			.list());
		List<Checked> fresh = new ArrayList<>();
		List<String> freshIndexes = new ArrayList<>();
		long invested = 0;
		long received = 0;
		for (int i = 0; i < rows.size(); i++) {
			if (!registered.contains(indexes.get(i))) {
				fresh.add(rows.get(i));
				freshIndexes.add(indexes.get(i));
				invested += rows.get(i).invested;
				received += rows.get(i).received;
			}
		}
		if (!fresh.isEmpty()) {
			write(caseId, fresh, freshIndexes);
		}
		return new long[] { fresh.size(), rows.size() - fresh.size(), invested, received };
	}

	/** Which of these ID-number blind indexes the case's register holds. */
	Set<String> registered(long caseId, java.util.Collection<String> idIndexes) {
		if (idIndexes.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(this.jdbc
			.sql("select id_number_idx from case_participant where case_id = :c and id_number_idx = any(:idx)")
			.param("c", caseId)
			.param("idx", idIndexes.toArray(String[]::new))
			.query(String.class)
			.list());
	}

	/** The full ID number, for the paying bank's list only. */
	String idNumberOf(long participantId, byte[] enc) {
		return this.cipher.decrypt(enc, ID_NUMBER + ":" + participantId);
	}

	private boolean exists(long caseId, String idNumber) {
		return this.jdbc.sql("select count(*) from case_participant where case_id = :c and id_number_idx = :idx")
			.param("c", caseId)
			.param("idx", this.index.of(ID_NUMBER, idNumber))
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Rows sent per COPY chunk; the next chunk is encrypted while this one is written.
	 */
	private static final int WRITE_CHUNK = 5_000;

	private static final String COLUMNS = "id, case_id, name, id_number_enc, id_number_idx, id_number_masked, phone_enc,"
			+ " phone_idx, phone_masked, invested_fen, received_fen";

	/**
	 * Writes checked participants, with their ID numbers' blind indexes; ids drawn first,
	 * for the AAD. One {@code COPY}: the database writes on one core while the other
	 * encrypts the next chunk, so a large register costs about what its rows cost the
	 * database (docs/performance.md).
	 */
	private List<Long> write(long caseId, List<Checked> rows, List<String> idIndexes) {
		List<Long> ids = this.jdbc.sql("select nextval('case_participant_id_seq') from generate_series(1, :n)")
			.param("n", rows.size())
			.query(Long.class)
			.list();
		this.copy.copy("case_participant", COLUMNS, new java.util.Iterator<>() {

			private int from = 0;

			private CompletableFuture<BulkCopy.Rows> next = CompletableFuture
				.supplyAsync(() -> sealed(caseId, rows, idIndexes, ids, 0));

			@Override
			public boolean hasNext() {
				return this.from < rows.size();
			}

			@Override
			public BulkCopy.Rows next() {
				BulkCopy.Rows chunk = this.next.join();
				int following = this.from + WRITE_CHUNK;
				if (following < rows.size()) {
					this.next = CompletableFuture.supplyAsync(() -> sealed(caseId, rows, idIndexes, ids, following));
				}
				this.from = following;
				return chunk;
			}

		});
		return ids;
	}

	/** The rows of one chunk from {@code from}, personal data encrypted. */
	private BulkCopy.Rows sealed(long caseId, List<Checked> rows, List<String> idIndexes, List<Long> ids, int from) {
		int to = Math.min(from + WRITE_CHUNK, rows.size());
		BulkCopy.Rows out = new BulkCopy.Rows(to - from);
		for (int i = from; i < to; i++) {
			Checked p = rows.get(i);
			long id = ids.get(i);
			out.add(id)
				.add(caseId)
				.add(p.name)
				.add(this.cipher.encrypt(p.idNumber, ID_NUMBER + ":" + id))
				.add(idIndexes.get(i))
				.add(PersonalData.maskIdNumber(p.idNumber))
				.add(p.phone == null ? null : this.cipher.encrypt(p.phone, PHONE + ":" + id))
				.add(p.phone == null ? null : this.index.of(PHONE, p.phone))
				.add(PersonalData.maskPhone(p.phone))
				.add(p.invested)
				.add(p.received)
				.end();
		}
		return out;
	}

	private static Checked check(ParticipantForm form, Map<String, String> errors) {
		String name = form.name() == null ? "" : form.name().strip();
		if (name.isEmpty()) {
			errors.put("name", "请填写姓名");
		}
		else if (name.length() > 60) {
			errors.put("name", "姓名不能超过60字");
		}
		String id = PersonalData.normaliseIdNumber(form.idNumber());
		if (id == null || id.isEmpty()) {
			errors.put("idNumber", "请填写身份证号");
		}
		else if (!PersonalData.isValidIdNumber(id)) {
			errors.put("idNumber", "身份证号不正确（请核对出生日期和校验位）");
		}
		String phone = PersonalData.normalisePhone(form.phone());
		if (phone != null && phone.isEmpty()) {
			phone = null;
		}
		if (phone != null && !PersonalData.isValidPhone(phone)) {
			errors.put("phone", "手机号不正确");
		}
		Long invested = amount(form.invested(), "invested", "投入金额", errors);
		Long received = amount(form.received(), "received", "已收回金额", errors);
		if (invested == null && !errors.containsKey("invested")) {
			errors.put("invested", "请填写投入金额");
		}
		else if (invested != null && invested == 0) {
			errors.put("invested", "投入金额须大于0");
		}
		if (invested != null && received != null && received > invested) {
			errors.put("received", "已收回金额不能大于投入金额");
		}
		if (!errors.isEmpty()) {
			return null;
		}
		return new Checked(name, id, phone, invested, received == null ? 0 : received);
	}

	private static Long amount(String text, String field, String label, Map<String, String> errors) {
		try {
			return Money.fen(text, field, label);
		}
		catch (Rejected ex) {
			errors.put(field, ex.getMessage());
			return null;
		}
	}

	private static Participant participant(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Participant(rs.getLong("id"), rs.getString("name"), rs.getString("id_number_masked"),
				rs.getString("phone_masked"), rs.getLong("invested_fen"), rs.getLong("received_fen"),
				rs.getLong("refunded_fen"), ClaimStatus.valueOf(rs.getString("claim")), rs.getString("claim_reason"));
	}

}
