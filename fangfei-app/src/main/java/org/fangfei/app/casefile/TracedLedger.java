package org.fangfei.app.casefile;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.Money;
import org.fangfei.app.shared.Rejected;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the fund tracing may write into a case's ledger (issue 20): the participants the
 * office confirmed from the traced inflows into the collection accounts, and the assets
 * confirmed from the outflows to asset purchases and controllers — in one reviewed step,
 * never blindly. Participants are known by their ID number's blind index
 * ({@link TracedInflows#ID_NUMBER_PURPOSE}) and assets by their traced account's, so that
 * neither is taken twice. The tracing depends on the case ledger, not the other way.
 */
@Service
public class TracedLedger {

	/**
	 * A participant as the office confirmed it on the review form; amounts in yuan.
	 *
	 * @param label how the review form names the row, for a refusal (第3行)
	 */
	public record TracedParticipant(String label, String name, String idNumber, String invested, String received) {
	}

	/**
	 * An asset as the office confirmed it: its description, value in yuan, and the blind
	 * index of the traced account it was taken from.
	 */
	public record TracedAsset(String description, String value, String accountIndex) {
	}

	/** What one import wrote and what it skipped as already in the ledger. */
	public record Taken(int participants, int participantsSkipped, long investedFen, long receivedFen, int assets,
			int assetsSkipped, long assetsFen) {
	}

	private final Cases cases;

	private final Participants participants;

	private final CaseAssets assets;

	private final AuditLog audit;

	TracedLedger(Cases cases, Participants participants, CaseAssets assets, AuditLog audit) {
		this.cases = cases;
		this.participants = participants;
		this.assets = assets;
		this.audit = audit;
	}

	/** The case's version as the caller sees it, for the review form. */
	@Transactional(readOnly = true)
	public int version(long caseId, DataScope scope) {
		return this.cases.load(caseId, scope).version();
	}

	/** Whether {@code actor} may write into case ledgers. */
	public static boolean mayWrite(Actor actor) {
		return actor.can(CaseRegistry.PERMISSION);
	}

	/** Which of these ID-number blind indexes are registered participants of the case. */
	@Transactional(readOnly = true)
	public Set<String> registered(long caseId, Collection<String> idNumberIndexes) {
		return this.participants.registered(caseId, idNumberIndexes);
	}

	/** The blind indexes of the traced accounts the case's assets were taken from. */
	@Transactional(readOnly = true)
	public Set<String> assetAccounts(long caseId) {
		return this.assets.tracedAccounts(caseId);
	}

	/**
	 * Writes the confirmed participants and assets into the case's ledger, all or
	 * nothing: every row checked first; participants already registered and accounts
	 * already taken are skipped; the case's timeline and the audit log say what came in.
	 * @param source what the rows were taken from, for the timeline (e.g. the statements)
	 */
	@Transactional
	public Taken take(long caseId, int seenVersion, List<TracedParticipant> people, List<TracedAsset> found,
			String source, Actor actor) {
		CaseRegistry.need(actor);
		CaseFile c = this.cases.forChange(caseId, seenVersion, actor);
		if (people.isEmpty() && found.isEmpty()) {
			throw new Rejected("请至少勾选一名参与人或一项资产");
		}
		long[] p = this.participants.addTraced(caseId, people.stream()
			.map((t) -> new Participants.ParticipantForm(t.name(), t.idNumber(), null, t.invested(), t.received()))
			.toList(), people.stream().map(TracedParticipant::label).toList());
		long[] a = this.assets.addTraced(caseId, found, actor);
		if (p[0] == 0 && a[0] == 0) {
			throw new Rejected("勾选的参与人和资产都已登记在本案台账中，没有新增内容");
		}
		String what = "从" + source + "导入参与人 " + p[0] + " 人（投入 " + Money.yuan(p[2]) + " 元，已收回 " + Money.yuan(p[3])
				+ " 元）、资产 " + a[0] + " 项（" + Money.yuan(a[2]) + " 元）"
				+ (p[1] + a[1] == 0 ? "" : "，已登记而跳过 " + (p[1] + a[1]) + " 条");
		c.record("资金流水导入", what);
		this.cases.save(c, actor);
		this.audit.success("CASE_TRACED_IMPORT", "case", caseId, c.code() + " " + what, null, null);
		return new Taken((int) p[0], (int) p[1], p[2], p[3], (int) a[0], (int) a[1], a[2]);
	}

}
