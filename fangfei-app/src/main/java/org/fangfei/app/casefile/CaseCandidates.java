package org.fangfei.app.casefile;

import java.util.List;
import java.util.Map;

import org.fangfei.app.clue.ClueEvent;
import org.fangfei.app.clue.Determination;
import org.fangfei.app.clue.MeasureKind;
import org.fangfei.app.notification.Inbox;
import org.fangfei.app.notification.NoticeKind;
import org.fangfei.app.notification.Recipient;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Clues waiting for the office to open their case ("待立案"). A clue determined as suspected
 * illegal fundraising or suspected crime does not open a case by itself: the case needs
 * its path, the document that opens it (立案决定书, 行政调查通知) and the unit that decided, which
 * only the office can give. So the determination puts the clue on the office's list and
 * in its inbox, suggesting the criminal path for a suspected crime or a clue transferred
 * to the police, the administrative path otherwise; a ruling that the clue is not illegal
 * after all withdraws it. Events older than the version seen change nothing.
 */
@Component
class CaseCandidates {

	private final JdbcClient jdbc;

	private final Inbox inbox;

	CaseCandidates(JdbcClient jdbc, Inbox inbox) {
		this.jdbc = jdbc;
		this.inbox = inbox;
	}

	record Candidate(long clueId, String clueCode, String status) {
	}

	/** A clue waiting, as the list shows it. */
	record Waiting(long clueId, String clueCode, String title, String regionCode, String sectorCode,
			Determination determination, CasePath suggestedPath, Long amountFen, Integer peopleCount) {

		public String amount() {
			return this.amountFen == null ? "" : Money.yuan(this.amountFen);
		}

	}

	@ApplicationModuleListener
	void on(ClueEvent.Determined event) {
		ClueEvent.ClueRef clue = event.clue();
		Determination d = event.determination();
		boolean opens = d == Determination.SUSPECTED_ILLEGAL || d == Determination.SUSPECTED_CRIME;
		if (opens) {
			CasePath path = d == Determination.SUSPECTED_CRIME ? CasePath.CRIMINAL : CasePath.ADMINISTRATIVE;
			int written = this.jdbc
				.sql("""
						insert into case_candidate (clue_id, clue_code, title, region_code, sector_code, determination, suggested_path,
						  amount_fen, people_count, clue_version)
						values (:clue, :code, :title, :region, :sector, :d, :path, :amount, :people, :version)
						on conflict (clue_id) do update set determination = excluded.determination,
						  suggested_path = excluded.suggested_path, amount_fen = excluded.amount_fen,
						  people_count = excluded.people_count, clue_version = excluded.clue_version,
						  status = case when case_candidate.status = 'WITHDRAWN' then 'WAITING' else case_candidate.status end,
						  updated_at = now()
						where case_candidate.clue_version < excluded.clue_version
						""")
				.param("clue", clue.id())
				.param("code", clue.code())
				.param("title", "线索" + clue.code() + d.label() + "案")
				.param("region", clue.regionCode())
				.param("sector", clue.sectorCode())
				.param("d", d.name())
				.param("path", path.name())
				.param("amount", event.amountFen())
				.param("people", event.peopleCount())
				.param("version", clue.version())
				.update();
			if (written == 1 && waiting(clue.id())) {
				this.inbox.post(NoticeKind.ASSIGNED, office(clue.regionCode()), "待立案：线索 " + clue.code(),
						"线索 " + clue.code() + " 认定为“" + d.label() + "”，请建立案件。", "/cases/candidates",
						dedupKey(clue.id()));
			}
		}
		else {
			int withdrawn = this.jdbc
				.sql("""
						update case_candidate set status = 'WITHDRAWN', determination = :d, clue_version = :version, updated_at = now()
						where clue_id = :clue and status = 'WAITING' and clue_version < :version
						""")
				.param("d", d.name())
				.param("version", clue.version())
				.param("clue", clue.id())
				.update();
			if (withdrawn == 1) {
				this.inbox.resolve(dedupKey(clue.id()));
			}
		}
	}

	/** 移送公安: the case to open is a criminal one. */
	@ApplicationModuleListener
	void on(ClueEvent.MeasureRecorded event) {
		if (event.kind() == MeasureKind.POLICE_TRANSFER) {
			this.jdbc.sql("""
					update case_candidate set suggested_path = 'CRIMINAL', updated_at = now()
					where clue_id = :clue and status = 'WAITING'
					""").param("clue", event.clue().id()).update();
		}
	}

	private boolean waiting(long clueId) {
		return this.jdbc.sql("select status = 'WAITING' from case_candidate where clue_id = :clue")
			.param("clue", clueId)
			.query(Boolean.class)
			.single();
	}

	/** The clues waiting within the caller's scope, oldest first. */
	List<Waiting> waiting(DataScope scope) {
		Map<String, Object> params = scope.sqlParams();
		return this.jdbc.sql("""
				select * from case_candidate where status = 'WAITING' and region_code like :regionLike
				and (not :sectorLimited or sector_code = any(:sectorCodes)) order by updated_at limit 200
				""").params(params).query((rs, n) -> waitingOf(rs)).list();
	}

	java.util.Optional<Waiting> waiting(long clueId, DataScope scope) {
		return this.jdbc
			.sql("""
					select * from case_candidate where clue_id = :clue and status = 'WAITING' and region_code like :regionLike
					""")
			.param("clue", clueId)
			.param("regionLike", scope.regionLike())
			.query((rs, n) -> waitingOf(rs))
			.optional();
	}

	private static Waiting waitingOf(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Waiting(rs.getLong("clue_id"), rs.getString("clue_code"), rs.getString("title"),
				rs.getString("region_code"), rs.getString("sector_code"),
				Determination.valueOf(rs.getString("determination")), CasePath.valueOf(rs.getString("suggested_path")),
				rs.getObject("amount_fen", Long.class), rs.getObject("people_count", Integer.class));
	}

	/** The office of the county the clue belongs to. */
	static Recipient office(String regionCode) {
		return Recipient.role("OFFICE", regionCode.substring(0, 6));
	}

	static String dedupKey(long clueId) {
		return "case-candidate:" + clueId;
	}

}
