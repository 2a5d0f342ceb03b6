package org.fangfei.app.enquiry;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.casefile.CaseDirectory;
import org.fangfei.app.clue.ClueFacts;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.BlindIndex;
import org.fangfei.app.shared.Conflict;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.FieldCipher;
import org.fangfei.app.shared.Money;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.PersonalData;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enquiries and freezes (资金查询, 冻结): drafted by the office for a case or a clue within its
 * jurisdiction, approved or refused by the office head only
 * ({@link ApprovalNeedsOfficeHead}, 条例 art. 21). The accounts they name are encrypted,
 * indexed and masked like every account number. Every step is audited.
 */
@Service
class Enquiries {

	static final String VIEW = "enquiry:enquiry:view";

	static final String DRAFT = "enquiry:enquiry:draft";

	/**
	 * Blind-index purpose of every bank account number, so enquiries and statements meet.
	 */
	static final String ACCOUNT = "bank_account.number";

	/** An enquiry or freeze as the pages show it. */
	public record Enquiry(long id, String kind, String matterKind, long matterId, String matterLabel, String regionCode,
			String bank, LocalDate periodFrom, LocalDate periodTo, String reason, Long freezeFen, LocalDate freezeUntil,
			String status, String draftedBy, OffsetDateTime draftedAt, String decidedBy, OffsetDateTime decidedAt,
			String decisionNote) {

		public boolean freeze() {
			return "FREEZE".equals(this.kind);
		}

		public String kindLabel() {
			return freeze() ? "冻结" : "查询";
		}

		/**
		 * The enquiry's period as shown: "未填写" for a date not given (an enquiry seeded
		 * without one), never "null".
		 */
		public String period() {
			return period(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE);
		}

		/** The period with dates written by {@code format}; "未填写" for one not given. */
		public String period(java.time.format.DateTimeFormatter format) {
			if (this.periodFrom == null && this.periodTo == null) {
				return "未填写";
			}
			return (this.periodFrom == null ? "未填写" : this.periodFrom.format(format)) + " 至 "
					+ (this.periodTo == null ? "未填写" : this.periodTo.format(format));
		}

		public String statusLabel() {
			return switch (this.status) {
				case "PENDING" -> "待审批";
				case "APPROVED" -> "已批准";
				default -> "不予批准";
			};
		}

		public boolean pending() {
			return "PENDING".equals(this.status);
		}

		public boolean approved() {
			return "APPROVED".equals(this.status);
		}

		public String freezeAmount() {
			return Money.yuan(this.freezeFen);
		}

		public String matterLink() {
			return "CASE".equals(this.matterKind) ? "/cases/" + this.matterId : "/clues/" + this.matterId;
		}

	}

	/** An account the enquiry names, masked. */
	public record Account(long id, String masked, String holder) {
	}

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final BlindIndex index;

	private final CaseDirectory cases;

	private final ClueFacts clues;

	private final AuditLog audit;

	Enquiries(JdbcClient jdbc, FieldCipher cipher, BlindIndex index, CaseDirectory cases, ClueFacts clues,
			AuditLog audit) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.index = index;
		this.cases = cases;
		this.clues = clues;
		this.audit = audit;
	}

	/** Drafts an enquiry or freeze; returns its id. */
	@Transactional
	long draft(EnquiryForm form, Actor actor) {
		if (!actor.can(DRAFT)) {
			throw new AccessDeniedException("无权拟制资金查询");
		}
		List<EnquiryForm.AccountLine> accounts = form.check(Times.today());
		Matter matter = matter(form.matterKind(), form.matterId(), actor);
		long id = this.jdbc
			.sql("""
					insert into enquiry (kind, matter_kind, matter_id, matter_label, region_code, bank, period_from, period_to,
					  reason, freeze_fen, freeze_until, drafted_by)
					values (:kind, :mk, :mid, :label, :region, :bank, :from, :to, :reason, :fen, :until, :by) returning id
					""")
			.param("kind", form.kind())
			.param("mk", matter.kind())
			.param("mid", matter.id())
			.param("label", matter.label())
			.param("region", matter.regionCode())
			.param("bank", form.bank().strip())
			.param("from", form.freezeFen() == null ? form.periodFrom() : null)
			.param("to", form.freezeFen() == null ? form.periodTo() : null)
			.param("reason", form.reason().strip())
			.param("fen", form.freezeFen())
			.param("until", form.freezeFen() == null ? null : form.freezeUntil())
			.param("by", actor.username())
			.query(Long.class)
			.single();
		for (EnquiryForm.AccountLine a : accounts) {
			long accountId = this.jdbc.sql("select nextval('enquiry_account_id_seq')").query(Long.class).single();
			this.jdbc.sql("""
					insert into enquiry_account (id, enquiry_id, number_enc, number_idx, number_masked, holder)
					values (:id, :e, :enc, :idx, :masked, :holder)
					""")
				.param("id", accountId)
				.param("e", id)
				.param("enc", this.cipher.encrypt(a.number(), "enquiry_account.number:" + accountId))
				.param("idx", this.index.of(ACCOUNT, a.number()))
				.param("masked", PersonalData.maskAccount(a.number()))
				.param("holder", a.holder())
				.update();
		}
		this.audit.success("ENQUIRY_DRAFT", "enquiry", id, "拟制资金" + ("FREEZE".equals(form.kind()) ? "冻结" : "查询") + " "
				+ form.bank().strip() + " " + accounts.size() + " 个账户（" + matter.label() + "）", null, null);
		return id;
	}

	/** Approves or refuses a pending enquiry (the office head only). */
	@Transactional
	void decide(long id, boolean approve, String note, Actor actor) {
		Enquiry e = this.jdbc.sql("select * from enquiry where id = :id and region_code like :regionLike for update")
			.param("id", id)
			.param("regionLike", actor.scope().regionLike())
			.query((rs, n) -> enquiry(rs))
			.optional()
			.orElseThrow(() -> new NotFound("资金查询"));
		ApprovalNeedsOfficeHead.check(actor, e.draftedBy(), approve, note);
		if (!e.pending()) {
			throw new Conflict("该" + e.kindLabel() + "已审批（" + e.statusLabel() + "），请刷新后查看");
		}
		String clean = note == null || note.isBlank() ? null : note.strip();
		this.jdbc.sql("""
				update enquiry set status = :s, decided_by = :by, decided_at = now(), decision_note = :note,
				  version = version + 1 where id = :id
				""")
			.param("s", approve ? "APPROVED" : "REFUSED")
			.param("by", actor.username())
			.param("note", clean)
			.param("id", id)
			.update();
		this.audit.success(approve ? "ENQUIRY_APPROVE" : "ENQUIRY_REFUSE", "enquiry", id,
				(approve ? "批准资金" : "不予批准资金") + e.kindLabel() + " " + e.bank() + (clean == null ? "" : "：" + clean),
				null, null);
	}

	/** The enquiry if the caller may see it. */
	@Transactional(readOnly = true)
	Enquiry get(long id, DataScope scope) {
		return this.jdbc.sql("select * from enquiry where id = :id and region_code like :regionLike")
			.param("id", id)
			.param("regionLike", scope.regionLike())
			.query((rs, n) -> enquiry(rs))
			.optional()
			.orElseThrow(() -> new NotFound("资金查询"));
	}

	/** The caller's enquiries and freezes, newest first; {@code status} null for all. */
	@Transactional(readOnly = true)
	List<Enquiry> list(DataScope scope, String status, int limit) {
		return this.jdbc
			.sql("""
					select * from enquiry where region_code like :regionLike and (cast(:status as varchar) is null or status = :status)
					order by id desc limit :limit
					""")
			.param("regionLike", scope.regionLike())
			.param("status", status)
			.param("limit", Math.max(1, Math.min(limit, 500)))
			.query((rs, n) -> enquiry(rs))
			.list();
	}

	/** The enquiries of one matter the caller may see. */
	@Transactional(readOnly = true)
	List<Enquiry> ofMatter(String matterKind, long matterId, DataScope scope) {
		return this.jdbc
			.sql("""
					select * from enquiry where matter_kind = :k and matter_id = :m and region_code like :regionLike order by id
					""")
			.param("k", matterKind)
			.param("m", matterId)
			.param("regionLike", scope.regionLike())
			.query((rs, n) -> enquiry(rs))
			.list();
	}

	@Transactional(readOnly = true)
	List<Account> accounts(long enquiryId) {
		return this.jdbc.sql("select id, number_masked, holder from enquiry_account where enquiry_id = :e order by id")
			.param("e", enquiryId)
			.query((rs, n) -> new Account(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	/** The full numbers of an enquiry's accounts, for the letter to the bank only. */
	@Transactional(readOnly = true)
	Map<Long, String> numbers(long enquiryId) {
		Map<Long, String> numbers = new java.util.LinkedHashMap<>();
		this.jdbc.sql("select id, number_enc from enquiry_account where enquiry_id = :e order by id")
			.param("e", enquiryId)
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getBytes(2)))
			.list()
			.forEach((e) -> numbers.put(e.getKey(),
					this.cipher.decrypt(e.getValue(), "enquiry_account.number:" + e.getKey())));
		return numbers;
	}

	/**
	 * The letter to the bank of an approved enquiry or freeze, with the accounts' full
	 * numbers; audited, since it is the one place they are shown.
	 */
	@Transactional
	byte[] letter(long id, String approverName, Actor actor) {
		Enquiry e = get(id, actor.scope());
		if (!e.approved()) {
			throw new Rejected("未经批准的查询或冻结不能出具通知书");
		}
		Map<Long, String> numbers = numbers(id);
		List<RequestLetter.Line> lines = new java.util.ArrayList<>();
		for (Account a : accounts(id)) {
			lines.add(new RequestLetter.Line(numbers.get(a.id()), a.holder()));
		}
		this.audit.success("ENQUIRY_LETTER", "enquiry", id, "出具" + (e.freeze() ? "协助冻结" : "协助查询") + "通知书 " + e.bank(),
				null, null);
		return RequestLetter.write(e, lines, "防范和处置非法集资工作领导小组办公室", approverName);
	}

	/** The case or clue an enquiry serves, as the caller may see it. */
	Matter matter(String kind, Long id, Actor actor) {
		if (id == null) {
			throw new Rejected("请选择所属案件或线索", Map.of("matterId", "请选择所属案件或线索"));
		}
		if ("CASE".equals(kind)) {
			return this.cases.visible(id, actor.scope())
				.filter((c) -> !c.closed())
				.map((c) -> new Matter("CASE", c.id(), c.code() + " " + c.title(), c.regionCode()))
				.orElseThrow(() -> new Rejected("案件不存在、已结案或不在本辖区", Map.of("matterId", "案件不存在、已结案或不在本辖区")));
		}
		ClueFacts.Facts clue = this.clues.of(id).orElseThrow(() -> new Rejected("线索不存在", Map.of("matterId", "线索不存在")));
		if (!actor.scope().covers(actor.regionCode())) {
			throw new Rejected("线索不在本辖区", Map.of("matterId", "线索不在本辖区"));
		}
		return new Matter("CLUE", clue.id(), clue.code(), actor.regionCode());
	}

	static Enquiry enquiry(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Enquiry(rs.getLong("id"), rs.getString("kind"), rs.getString("matter_kind"), rs.getLong("matter_id"),
				rs.getString("matter_label"), rs.getString("region_code"), rs.getString("bank"),
				rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
				rs.getString("reason"), (Long) rs.getObject("freeze_fen"),
				rs.getObject("freeze_until", LocalDate.class), rs.getString("status"), rs.getString("drafted_by"),
				rs.getObject("drafted_at", OffsetDateTime.class), rs.getString("decided_by"),
				rs.getObject("decided_at", OffsetDateTime.class), rs.getString("decision_note"));
	}

}
