package org.fangfei.app.casefile;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.FieldCipher;
import org.fangfei.app.shared.Money;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.TabularFile;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 清退批次: an amount paid out to the case's accepted participants in proportion to the net
 * loss each still bears (amount put in, less what came back as "interest", less earlier
 * batches), to the fen by {@link LargestRemainder}, so the batch adds up to the amount
 * exactly and nobody gets more than their loss. A batch is made once the case is at its
 * refund stage, and all batches together never pay out more than the realised assets
 * fetched (条例 art. 26: 清退资金来源于追缴、变现的涉案资产). Each payment the bank makes is recorded with
 * its date and reference; the bank gets its list as Excel.
 */
@Service
class RefundBatches {

	static final String PERMISSION = "casefile:refund:manage";

	private final JdbcClient jdbc;

	private final Cases cases;

	private final CaseAssets assets;

	private final Participants participants;

	private final AuditLog audit;

	private final SensitiveSteps sensitiveSteps;

	private final FieldCipher cipher;

	RefundBatches(JdbcClient jdbc, Cases cases, CaseAssets assets, Participants participants, AuditLog audit,
			SensitiveSteps sensitiveSteps, FieldCipher cipher) {
		this.sensitiveSteps = sensitiveSteps;
		this.cipher = cipher;
		this.jdbc = jdbc;
		this.cases = cases;
		this.assets = assets;
		this.participants = participants;
		this.audit = audit;
	}

	/** A batch as listed. */
	record Batch(long id, int seq, long amountFen, int participants, long paid, String note, String createdBy,
			OffsetDateTime createdAt) {

		public String amount() {
			return Money.yuan(this.amountFen);
		}

	}

	/** One payment of a batch. */
	record Payment(long participantId, String name, String idNumberMasked, long amountFen, LocalDate paidOn,
			String paidRef) {

		public String amount() {
			return Money.yuan(this.amountFen);
		}

	}

	/** Shares out {@code amountText} yuan; returns the batch's id. */
	@Transactional
	long distribute(long caseId, int seenVersion, String amountText, String note, Actor actor) {
		need(actor);
		CaseFile c = this.cases.forChange(caseId, seenVersion, actor);
		if (c.stage() != CaseStage.REFUND) {
			throw new Rejected("案件进入“清退”阶段后才能发放清退款（当前：" + c.stage().label() + "）");
		}
		// a case registered directly at 清退 (an old case) reached the stage without the
		// gate of CaseRegistry#advance: the money is what the assessment is for
		this.sensitiveSteps.check(caseId, SensitiveStep.REFUND_START);
		Long amount = Money.fen(amountText, "amount", "本批清退金额");
		if (amount == null || amount == 0) {
			throw new Rejected("请填写本批清退金额（大于0）", Map.of("amount", "请填写本批清退金额（大于0）"));
		}
		String why = KeyCases.limited(note, 500, "note", "说明", new java.util.HashMap<>());
		if (why != null && why.length() > 500) {
			throw new Rejected("说明不能超过500字", Map.of("note", "说明不能超过500字"));
		}
		// Two batches cannot share out the same loss: every change of the register saves
		// the case with the version it read (Cases#save), so a concurrent batch, import
		// or
		// claim decision makes this save fail and the transaction roll back; no row
		// locks.
		List<long[]> owed = new ArrayList<>();
		this.jdbc
			.sql("""
					select p.id, p.invested_fen - p.received_fen - coalesce(r.refunded, 0) from case_participant p
					left join (select r.participant_id, sum(r.amount_fen) as refunded from case_refund r
					           join case_refund_batch b on b.id = r.batch_id where b.case_id = :c
					           group by r.participant_id) r on r.participant_id = p.id
					where p.case_id = :c and p.claim = 'ACCEPTED' and p.invested_fen - p.received_fen - coalesce(r.refunded, 0) > 0
					order by p.id
					""")
			.param("c", caseId)
			.query(rs -> {
				owed.add(new long[] { rs.getLong(1), rs.getLong(2) });
			});
		if (owed.isEmpty()) {
			throw new Rejected("没有已核实且尚有未清退损失的集资参与人");
		}
		long[] weights = owed.stream().mapToLong(o -> o[1]).toArray();
		long total = java.util.Arrays.stream(weights).sum();
		if (amount > total) {
			throw new Rejected("本批清退金额 " + Money.yuan(amount) + " 元超过已核实参与人尚未清退的损失合计 " + Money.yuan(total) + " 元",
					Map.of("amount", "不能超过尚未清退的损失合计 " + Money.yuan(total) + " 元"));
		}
		long realised = this.assets.realisedFen(caseId);
		long paidBefore = this.jdbc.sql("select coalesce(sum(amount_fen), 0) from case_refund_batch where case_id = :c")
			.param("c", caseId)
			.query(Long.class)
			.single();
		if (paidBefore + amount > realised) {
			String message = "清退总额不能超过已变现资产 " + Money.yuan(realised) + " 元（此前已清退 " + Money.yuan(paidBefore) + " 元）";
			throw new Rejected(message, Map.of("amount", message));
		}
		long[] shares = LargestRemainder.shares(amount, weights);
		int seq = this.jdbc.sql("select coalesce(max(seq), 0) + 1 from case_refund_batch where case_id = :c")
			.param("c", caseId)
			.query(Integer.class)
			.single();
		int paid = (int) java.util.Arrays.stream(shares).filter(s -> s > 0).count();
		c.record("清退", "第" + seq + "批清退 " + Money.yuan(amount) + " 元，" + paid + " 人" + (why == null ? "" : "：" + why));
		this.cases.save(c, actor);
		long batchId = this.jdbc.sql("""
				insert into case_refund_batch (case_id, seq, amount_fen, participants, note, created_by)
				values (:c, :seq, :amount, :n, :note, :by) returning id
				""")
			.param("c", caseId)
			.param("seq", seq)
			.param("amount", amount)
			.param("n", paid)
			.param("note", why)
			.param("by", actor.username())
			.query(Long.class)
			.single();
		long[] ids = new long[paid];
		long[] amounts = new long[paid];
		for (int i = 0, k = 0; i < shares.length; i++) {
			if (shares[i] > 0) {
				ids[k] = owed.get(i)[0];
				amounts[k++] = shares[i];
			}
		}
		// one statement with two arrays: a million payments written set-based
		this.jdbc.sql("""
				insert into case_refund (batch_id, participant_id, amount_fen)
				select :b, u.p, u.a from unnest(cast(:ids as bigint[]), cast(:amounts as bigint[])) as u(p, a)
				""").param("b", batchId).param("ids", ids).param("amounts", amounts).update();
		this.audit.success("CASE_REFUND_BATCH", "case", caseId,
				c.code() + " 第" + seq + "批清退 " + Money.yuan(amount) + " 元", null, null);
		return batchId;
	}

	/**
	 * Records the bank's payment to one participant, or — {@code participantId} null — to
	 * every participant of the batch not yet recorded as paid.
	 */
	@Transactional
	int recordPayment(long caseId, int seenVersion, long batchId, Long participantId, LocalDate paidOn, String paidRef,
			Actor actor) {
		need(actor);
		CaseFile c = this.cases.forChange(caseId, seenVersion, actor);
		Batch b = batch(caseId, batchId);
		java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
		if (paidOn == null) {
			errors.put("paidOn", "请填写付款日期");
		}
		else if (paidOn.isAfter(LocalDate.now())) {
			errors.put("paidOn", "付款日期不能晚于今天");
		}
		else if (paidOn.isBefore(Times.local(b.createdAt()).toLocalDate())) {
			errors.put("paidOn", "付款日期不能早于批次生成日期");
		}
		String ref = KeyCases.limited(paidRef, 100, "paidRef", "付款凭证号", errors);
		if (ref == null) {
			errors.put("paidRef", "请填写银行付款凭证号");
		}
		if (!errors.isEmpty()) {
			throw new Rejected(String.join("；", errors.values()), errors);
		}
		int updated = this.jdbc.sql("""
				update case_refund set paid_on = :on, paid_ref = :ref
				where batch_id = :b and paid_on is null and (cast(:p as bigint) is null or participant_id = :p)
				""").param("on", paidOn).param("ref", ref).param("b", batchId).param("p", participantId).update();
		if (updated == 0) {
			throw new Rejected(participantId == null ? "本批清退款均已记录付款" : "该参与人不在本批中或已记录付款");
		}
		this.jdbc.sql("update case_refund_batch set paid = paid + :n where id = :b")
			.param("n", updated)
			.param("b", batchId)
			.update();
		c.record("清退付款", "第" + b.seq() + "批 " + updated + " 笔付款 " + paidOn + " 凭证 " + ref);
		this.cases.save(c, actor);
		this.audit.success("CASE_REFUND_PAID", "case", caseId, c.code() + " 第" + b.seq() + "批记录付款 " + updated + " 笔",
				null, null);
		return updated;
	}

	List<Batch> of(long caseId) {
		return this.jdbc.sql("""
				select b.* from case_refund_batch b where b.case_id = :c order by b.seq
				""").param("c", caseId).query((rs, n) -> batchOf(rs)).list();
	}

	Batch batch(long caseId, long batchId) {
		return this.jdbc.sql("""
				select b.* from case_refund_batch b where b.case_id = :c and b.id = :b
				""")
			.param("c", caseId)
			.param("b", batchId)
			.query((rs, n) -> batchOf(rs))
			.optional()
			.orElseThrow(() -> new Rejected("清退批次不存在"));
	}

	List<Payment> payments(long batchId, int limit) {
		return this.jdbc
			.sql("""
					select r.*, p.name, p.id_number_masked from case_refund r join case_participant p on p.id = r.participant_id
					where r.batch_id = :b order by r.participant_id limit :limit
					""")
			.param("b", batchId)
			.param("limit", limit)
			.query((rs, n) -> new Payment(rs.getLong("participant_id"), rs.getString("name"),
					rs.getString("id_number_masked"), rs.getLong("amount_fen"),
					rs.getObject("paid_on", LocalDate.class), rs.getString("paid_ref")))
			.list();
	}

	/**
	 * The paying bank's list: the full ID number the bank pays against and, for a
	 * participant whose claim was accepted, the account the claim gave (both read and
	 * audited here only), the amount in yuan.
	 */
	@Transactional
	byte[] bankList(long caseId, long batchId, Actor actor) {
		need(actor);
		CaseFile c = this.cases.forChange(caseId, null, actor);
		Batch b = batch(caseId, batchId);
		List<List<String>> rows = new ArrayList<>();
		this.jdbc.sql("""
				select r.participant_id, p.name, p.id_number_enc, p.phone_masked, r.amount_fen, r.paid_on,
				  a.id as claim_id, a.bank_name, a.account_holder, a.account_enc
				from case_refund r join case_participant p on p.id = r.participant_id
				left join lateral (select k.id, k.bank_name, k.account_holder, k.account_enc from case_claim k
				                   where k.participant_id = p.id and k.status in ('ACCEPTED', 'CORRECTED')
				                   order by k.decided_at desc, k.id desc limit 1) a on true
				where r.batch_id = :b order by r.participant_id
				""").param("b", batchId).query(rs -> {
			long claim = rs.getLong("claim_id");
			boolean claimed = !rs.wasNull();
			rows.add(List.of(Integer.toString(rows.size() + 1), rs.getString("name"),
					this.participants.idNumberOf(rs.getLong("participant_id"), rs.getBytes("id_number_enc")),
					rs.getString("phone_masked") == null ? "" : rs.getString("phone_masked"),
					claimed ? rs.getString("bank_name") : "", claimed ? rs.getString("account_holder") : "",
					claimed ? this.cipher.decrypt(rs.getBytes("account_enc"), "case_claim.account:" + claim)
							: "未登记（凭身份证号代发）",
					Money.yuan(rs.getLong("amount_fen")), rs.getObject("paid_on") == null ? "未付" : "已付"));
		});
		this.audit.success("CASE_REFUND_EXPORT", "case", caseId,
				c.code() + " 导出第" + b.seq() + "批清退名单 " + rows.size() + " 人（含完整身份证号和收款账号）", null, null);
		return TabularFile.writeXlsx(c.code() + " 第" + b.seq() + "批",
				List.of("序号", "姓名", "身份证号", "手机号", "开户银行", "户名", "收款账号", "清退金额(元)", "付款状态"), rows);
	}

	private static Batch batchOf(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Batch(rs.getLong("id"), rs.getInt("seq"), rs.getLong("amount_fen"), rs.getInt("participants"),
				rs.getLong("paid"), rs.getString("note"), rs.getString("created_by"),
				rs.getObject("created_at", OffsetDateTime.class));
	}

	static void need(Actor actor) {
		if (!actor.can(PERMISSION)) {
			throw new AccessDeniedException("无权办理清退");
		}
	}

}
