package org.fangfei.app.casefile;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.BlindIndex;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.FieldCipher;
import org.fangfei.app.shared.Money;
import org.fangfei.app.shared.PersonalData;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;
import org.fangfei.app.tip.PublicPortal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 集资参与人自行登记: claims participants send through the public page while a registration window
 * is open ({@link ClaimWindows}), and the office's check of each against the
 * participants' register. Identity, phone, refund account and a claimant's ID number are
 * encrypted (AAD {@code case_claim.<column>:<id>}) and masked; the ID number's blind
 * index is the register's ({@link Participants#ID_NUMBER}), so a claim finds its
 * participant. The claim code is shown once and kept as a keyed hash. The office accepts
 * (the register takes the claim's figures), corrects (with its figures and the reason) or
 * refuses (with the reason); the participant reads the outcome on the tracking page.
 */
@Service
class ParticipantClaims {

	static final String CODE = "case_claim.code";

	private final JdbcClient jdbc;

	private final ClaimWindows windows;

	private final Cases cases;

	private final Participants participants;

	private final CaseAssets assets;

	private final AuditLog audit;

	private final FieldCipher cipher;

	private final BlindIndex index;

	private final PublicPortal portal;

	ParticipantClaims(JdbcClient jdbc, ClaimWindows windows, Cases cases, Participants participants, CaseAssets assets,
			AuditLog audit, FieldCipher cipher, BlindIndex index, PublicPortal portal) {
		this.jdbc = jdbc;
		this.windows = windows;
		this.cases = cases;
		this.participants = participants;
		this.assets = assets;
		this.audit = audit;
		this.cipher = cipher;
		this.index = index;
		this.portal = portal;
	}

	/**
	 * Takes a claim in an open window with its cleaned documents; returns the claim code
	 * to show once. All or nothing.
	 */
	@Transactional
	String submit(ClaimForm form, List<PublicPortal.CleanedFile> documents) {
		ClaimWindows.Public window = this.windows.acceptingWindow(form.windowId())
			.orElseThrow(() -> new Rejected("该登记已截止或尚未开始，请返回查看正在进行的登记"));
		long caseId = caseOf(window.windowId());
		ClaimRules.Checked c = ClaimRules.check(form, documents.size());
		String idx = this.index.of(Participants.ID_NUMBER, c.idNumber());
		// one claim per ID number per window; the lock keeps two sends of the same person
		// apart
		this.jdbc.sql("select id from case_claim_window where id = :w for update")
			.param("w", window.windowId())
			.query(Long.class)
			.single();
		boolean inThisWindow = this.jdbc
			.sql("select count(*) from case_claim where window_id = :w and id_number_idx = :idx")
			.param("w", window.windowId())
			.param("idx", idx)
			.query(Long.class)
			.single() > 0;
		Long earlier = this.jdbc
			.sql("select max(id) from case_claim where case_id = :c and id_number_idx = :idx and window_id <> :w")
			.param("c", caseId)
			.param("idx", idx)
			.param("w", window.windowId())
			.query(Long.class)
			.optional()
			.orElse(null);
		Long supplementOf = OneClaimPerWindow.supplementOf(inThisWindow, earlier);
		String code = this.portal.newCode();
		long id = this.jdbc.sql("select nextval('case_claim_id_seq')").query(Long.class).single();
		this.jdbc.sql("""
				insert into case_claim (id, case_id, window_id, code_hash, supplement_of, name, id_number_enc,
				  id_number_idx, id_number_masked, phone_enc, phone_masked, invested_fen, received_fen, bank_name,
				  account_holder, account_enc, account_masked, claimant, claimant_name, claimant_id_enc,
				  claimant_id_masked, relation, statement)
				values (:id, :c, :w, :code, :sup, :name, :idEnc, :idx, :idMasked, :phoneEnc, :phoneMasked, :invested,
				  :received, :bank, :holder, :accountEnc, :accountMasked, :claimant, :cName, :cIdEnc, :cIdMasked,
				  :relation, :statement)""")
			.param("id", id)
			.param("c", caseId)
			.param("w", window.windowId())
			.param("code", this.index.of(CODE, this.portal.normaliseCode(code)))
			.param("sup", supplementOf)
			.param("name", c.name())
			.param("idEnc", this.cipher.encrypt(c.idNumber(), "case_claim.id_number:" + id))
			.param("idx", idx)
			.param("idMasked", PersonalData.maskIdNumber(c.idNumber()))
			.param("phoneEnc", this.cipher.encrypt(c.phone(), "case_claim.phone:" + id))
			.param("phoneMasked", PersonalData.maskPhone(c.phone()))
			.param("invested", c.invested())
			.param("received", c.received())
			.param("bank", c.bankName())
			.param("holder", c.accountHolder())
			.param("accountEnc", this.cipher.encrypt(c.account(), "case_claim.account:" + id))
			.param("accountMasked", ClaimRules.maskAccount(c.account()))
			.param("claimant", c.claimant().name())
			.param("cName", c.claimantName())
			.param("cIdEnc",
					c.claimantIdNumber() == null ? null
							: this.cipher.encrypt(c.claimantIdNumber(), "case_claim.claimant_id:" + id))
			.param("cIdMasked", c.claimantIdNumber() == null ? null : PersonalData.maskIdNumber(c.claimantIdNumber()))
			.param("relation", c.relation())
			.param("statement", c.statement())
			.update();
		for (PublicPortal.CleanedFile f : documents) {
			this.jdbc.sql("""
					insert into case_claim_document (claim_id, file_name, content_type, size_bytes, content, cleaning)
					values (:claim, :name, :type, :size, :content, :cleaning)""")
				.param("claim", id)
				.param("name", f.fileName())
				.param("type", f.contentType())
				.param("size", f.bytes().length)
				.param("content", f.bytes())
				.param("cleaning", f.cleaning())
				.update();
		}
		this.audit.success("CASE_CLAIM_SUBMIT", "case", caseId, window.caseCode() + " 参与人自行登记 "
				+ PersonalData.maskIdNumber(c.idNumber()) + (supplementOf != null ? "（补充登记）" : ""), null, null);
		return code;
	}

	/** The claim for a code as typed, if it is one. */
	Optional<Long> find(String typed) {
		String code = this.portal.normaliseCode(typed);
		if (code == null) {
			return Optional.empty();
		}
		return this.jdbc.sql("select id from case_claim where code_hash = :h")
			.param("h", this.index.of(CODE, code))
			.query(Long.class)
			.optional();
	}

	/**
	 * What the holder of a claim code reads: never more than they sent and the outcome.
	 */
	record Tracked(long claimId, String caseTitle, String windowLabel, OffsetDateTime submittedAt, ClaimReview review,
			String reason, String name, String idNumberMasked, String invested, String received, String decidedInvested,
			String decidedReceived, String accountMasked, String clearanceRatio, Long supplementWindowId) {
	}

	@Transactional(readOnly = true)
	Tracked tracked(long claimId) {
		return this.jdbc.sql("""
				select cl.*, c.title, w.seq from case_claim cl join case_file c on c.id = cl.case_id
				join case_claim_window w on w.id = cl.window_id where cl.id = :id""")
			.param("id", claimId)
			.query((rs, n) -> {
				long caseId = rs.getLong("case_id");
				Long decidedInvested = (Long) rs.getObject("decided_invested_fen");
				Long decidedReceived = (Long) rs.getObject("decided_received_fen");
				long windowId = rs.getLong("window_id");
				Long supplement = this.windows.acceptingFor(caseId).filter(w -> w != windowId).orElse(null);
				return new Tracked(claimId, rs.getString("title"),
						rs.getInt("seq") > 1 ? "第" + (rs.getInt("seq") - 1) + "次补充登记" : "首次登记",
						Times.local(rs.getObject("submitted_at", OffsetDateTime.class)),
						ClaimReview.valueOf(rs.getString("status")), rs.getString("reason"), rs.getString("name"),
						rs.getString("id_number_masked"), Money.yuan(rs.getLong("invested_fen")),
						Money.yuan(rs.getLong("received_fen")),
						decidedInvested == null ? null : Money.yuan(decidedInvested),
						decidedReceived == null ? null : Money.yuan(decidedReceived), rs.getString("account_masked"),
						clearanceRatio(caseId), supplement);
			})
			.single();
	}

	/**
	 * 清退比例 of a case: realised assets over the accepted net loss
	 * ({@link ClearanceRatio}).
	 */
	String clearanceRatio(long caseId) {
		return ClearanceRatio.of(this.assets.realisedFen(caseId), this.participants.totals(caseId).netLossFen());
	}

	long caseOf(long windowId) {
		return this.jdbc.sql("select case_id from case_claim_window where id = :w")
			.param("w", windowId)
			.query(Long.class)
			.single();
	}

	/** The office's decision on a claim; figures in yuan for a correction. */
	record Decision(ClaimReview review, String invested, String received, String reason) {
	}

	@Transactional
	void decide(long caseId, int seenVersion, long claimId, Decision d, Actor actor) {
		CaseFile c = this.cases.forChange(caseId, seenVersion, actor);
		ClaimDesk.Claim claim = ClaimDesk.claim(this.jdbc, caseId, claimId).orElseThrow(() -> new Rejected("登记不存在"));
		if (claim.review() != ClaimReview.SUBMITTED) {
			throw new Rejected("该登记已核实（" + claim.review().label() + "），不能再次处理");
		}
		ClaimReview review = d.review();
		String reason = d.reason() == null || d.reason().isBlank() ? null : d.reason().strip();
		if (review == null || review == ClaimReview.SUBMITTED) {
			throw new Rejected("请选择核实结果", Map.of("review", "请选择核实结果"));
		}
		if (reason != null && reason.length() > 500) {
			throw new Rejected("理由不能超过500字", Map.of("reason", "理由不能超过500字"));
		}
		long invested = claim.investedFen();
		long received = claim.receivedFen();
		if (review == ClaimReview.REFUSED && reason == null) {
			throw new Rejected("不予认可须写明理由（参与人可以看到）", Map.of("reason", "请写明理由"));
		}
		if (review == ClaimReview.CORRECTED) {
			if (reason == null) {
				throw new Rejected("更正金额须写明理由（参与人可以看到）", Map.of("reason", "请写明理由"));
			}
			Long i = Money.fen(d.invested(), "invested", "更正后的投入金额");
			Long r = Money.fen(d.received(), "received", "更正后的已收回金额");
			if (i == null || i <= 0) {
				throw new Rejected("请填写更正后的投入金额（须大于0）", Map.of("invested", "请填写更正后的投入金额"));
			}
			r = r == null ? 0 : r;
			if (r > i) {
				throw new Rejected("更正后的已收回金额不能大于投入金额", Map.of("received", "已收回金额不能大于投入金额"));
			}
			if (i == invested && r == received) {
				throw new Rejected("更正后的金额与登记金额相同，请选择“认可”");
			}
			invested = i;
			received = r;
		}
		Long participantId = null;
		if (review != ClaimReview.REFUSED) {
			String id = this.cipher.decrypt(claim.idNumberEnc(), "case_claim.id_number:" + claimId);
			String phone = this.cipher.decrypt(claim.phoneEnc(), "case_claim.phone:" + claimId);
			participantId = this.participants.acceptClaim(caseId, claim.name(), id, phone, invested, received);
		}
		c.record("登记核实", claim.name() + " " + claim.idNumberMasked() + " " + review.label()
				+ (review == ClaimReview.REFUSED ? "" : " 投入 " + Money.yuan(invested) + " 已收回 " + Money.yuan(received))
				+ (reason == null ? "" : "：" + reason));
		this.cases.save(c, actor);
		this.jdbc.sql("""
				update case_claim set status = :status, reason = :reason, decided_invested_fen = :invested,
				  decided_received_fen = :received, participant_id = :p, decided_by = :by, decided_at = now()
				where id = :id""")
			.param("status", review.name())
			.param("reason", reason)
			.param("invested", review == ClaimReview.REFUSED ? null : invested)
			.param("received", review == ClaimReview.REFUSED ? null : received)
			.param("p", participantId)
			.param("by", actor.username())
			.param("id", claimId)
			.update();
		this.audit.success("CASE_CLAIM_DECIDE", "case", caseId,
				c.code() + " 参与人登记 " + claim.idNumberMasked() + " " + review.label(), null, null);
	}

	/** Checks the caller sees the case: 404 outside the scope. */
	void visible(long caseId, DataScope scope) {
		this.cases.load(caseId, scope);
	}

}
