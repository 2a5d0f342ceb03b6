package org.fangfei.app.casefile;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.Money;
import org.fangfei.app.shared.PageOf;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The office's side of self-registration: a case's claims, each beside the register's row
 * for the same ID number ({@link ClaimMatch}) and what traced statements say
 * ({@link TracedInflows}), and the heirs' and agents' documents, every view of which is
 * audited. Identities stay masked here.
 */
@Service
class ClaimDesk {

	/** A claim with the register's figures beside it. */
	record Claim(long id, long windowId, Long supplementOf, String name, String idNumberMasked, String phoneMasked,
			long investedFen, long receivedFen, String bankName, String accountHolder, String accountMasked,
			Claimant claimant, String claimantName, String claimantIdMasked, String relation, String statement,
			ClaimReview review, String reason, Long decidedInvestedFen, Long decidedReceivedFen,
			OffsetDateTime submittedAt, Long registerInvestedFen, Long registerReceivedFen, String idNumberIndex,
			byte[] idNumberEnc, byte[] phoneEnc) {

		public ClaimMatch match() {
			return ClaimMatch.of(this.investedFen, this.receivedFen, this.registerInvestedFen,
					this.registerReceivedFen);
		}

		public String invested() {
			return Money.yuan(this.investedFen);
		}

		public String received() {
			return Money.yuan(this.receivedFen);
		}

		public String registerInvested() {
			return this.registerInvestedFen == null ? "—" : Money.yuan(this.registerInvestedFen);
		}

		public String registerReceived() {
			return this.registerReceivedFen == null ? "—" : Money.yuan(this.registerReceivedFen);
		}

		public String decided() {
			return this.decidedInvestedFen == null ? ""
					: Money.yuan(this.decidedInvestedFen) + " / " + Money.yuan(this.decidedReceivedFen);
		}

	}

	record Document(long id, String fileName, String contentType, int sizeBytes, String cleaning) {
	}

	record Content(String fileName, String contentType, byte[] bytes) {
	}

	private static final String SELECT = """
			select cl.*, p.invested_fen as p_invested, p.received_fen as p_received from case_claim cl
			left join case_participant p on p.case_id = cl.case_id and p.id_number_idx = cl.id_number_idx""";

	private final JdbcClient jdbc;

	private final Cases cases;

	private final AuditLog audit;

	private final TracedInflows traced;

	ClaimDesk(JdbcClient jdbc, Cases cases, AuditLog audit,
			org.springframework.beans.factory.ObjectProvider<TracedInflows> traced) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.audit = audit;
		this.traced = traced.getIfAvailable(TracedInflows.None::new);
	}

	/** A case's claims, newest first, by review state and by how they compare. */
	PageOf<Claim> search(long caseId, ClaimReview review, ClaimMatch match, DataScope scope, PageRequest paging) {
		this.cases.load(caseId, scope);
		String where = " where cl.case_id = :c" + (review == null ? "" : " and cl.status = :status")
				+ (match == null ? "" : switch (match) {
					case NOT_FOUND -> " and p.id is null";
					case FOUND -> " and p.invested_fen = cl.invested_fen and p.received_fen = cl.received_fen";
					case AMOUNTS_DIFFER ->
						" and (p.invested_fen <> cl.invested_fen or p.received_fen <> cl.received_fen)";
				});
		Map<String, Object> params = new java.util.HashMap<>();
		params.put("c", caseId);
		params.put("status", review == null ? null : review.name());
		long total = this.jdbc.sql("select count(*) from (" + SELECT + where + ") x")
			.params(params)
			.query(Long.class)
			.single();
		List<Claim> items = this.jdbc.sql(SELECT + where + " order by cl.id desc limit :limit offset :offset")
			.params(params)
			.param("limit", paging.size())
			.param("offset", paging.offset())
			.query((rs, n) -> claim(rs))
			.list();
		return paging.pageOf(items, total);
	}

	/** Claims waiting for the office, per case, for the case page. */
	long waiting(long caseId) {
		return this.jdbc.sql("select count(*) from case_claim where case_id = :c and status = 'SUBMITTED'")
			.param("c", caseId)
			.query(Long.class)
			.single();
	}

	/** What traced statements say for the claim, or why nothing is said. */
	String traced(long caseId, Claim claim) {
		var fen = this.traced.tracedFen(caseId, claim.idNumberIndex());
		return fen.isPresent() ? Money.yuan(fen.getAsLong()) + " 元" : "暂无流水比对（已导入的对账单中没有此人的证件号码）";
	}

	List<Document> documents(long claimId) {
		return this.jdbc.sql("""
				select id, file_name, content_type, size_bytes, cleaning from case_claim_document
				where claim_id = :c order by id""")
			.param("c", claimId)
			.query((rs, n) -> new Document(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
					rs.getString(5)))
			.list();
	}

	/** A document's content for someone who sees the case; the view is audited. */
	@Transactional
	Content document(long caseId, long claimId, long documentId, Actor actor) {
		CaseFile c = this.cases.load(caseId, actor.scope());
		Content content = this.jdbc.sql("""
				select d.file_name, d.content_type, d.content from case_claim_document d
				join case_claim cl on cl.id = d.claim_id
				where d.id = :d and d.claim_id = :claim and cl.case_id = :c""")
			.param("d", documentId)
			.param("claim", claimId)
			.param("c", caseId)
			.query((rs, n) -> new Content(rs.getString(1), rs.getString(2), rs.getBytes(3)))
			.optional()
			.orElseThrow(() -> new Rejected("材料不存在"));
		this.audit.success("CASE_CLAIM_DOCUMENT", "case", caseId,
				c.code() + " 查看参与人登记材料 " + claimId + "/" + content.fileName(), null, null);
		return content;
	}

	static Optional<Claim> claim(JdbcClient jdbc, long caseId, long claimId) {
		return jdbc.sql(SELECT + " where cl.id = :id and cl.case_id = :c")
			.param("id", claimId)
			.param("c", caseId)
			.query((rs, n) -> claim(rs))
			.optional();
	}

	Claim get(long caseId, long claimId, DataScope scope) {
		this.cases.load(caseId, scope);
		return claim(this.jdbc, caseId, claimId).orElseThrow(() -> new Rejected("登记不存在"));
	}

	private static Claim claim(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Claim(rs.getLong("id"), rs.getLong("window_id"), (Long) rs.getObject("supplement_of"),
				rs.getString("name"), rs.getString("id_number_masked"), rs.getString("phone_masked"),
				rs.getLong("invested_fen"), rs.getLong("received_fen"), rs.getString("bank_name"),
				rs.getString("account_holder"), rs.getString("account_masked"),
				Claimant.valueOf(rs.getString("claimant")), rs.getString("claimant_name"),
				rs.getString("claimant_id_masked"), rs.getString("relation"), rs.getString("statement"),
				ClaimReview.valueOf(rs.getString("status")), rs.getString("reason"),
				(Long) rs.getObject("decided_invested_fen"), (Long) rs.getObject("decided_received_fen"),
				Times.local(rs.getObject("submitted_at", OffsetDateTime.class)), (Long) rs.getObject("p_invested"),
				(Long) rs.getObject("p_received"), rs.getString("id_number_idx"), rs.getBytes("id_number_enc"),
				rs.getBytes("phone_enc"));
	}

}
