package org.fangfei.app.petition;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fangfei.app.casefile.CaseDirectory;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.PageOf;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.PersonalData;
import org.fangfei.app.shared.SqlLike;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The petition list, one petition, its petitioners (masked) and its timeline, all within
 * the caller's scope ({@link Petitions#VISIBLE}) and with bound parameters only.
 */
@Component
class PetitionQueries {

	/** Overdue now: past the deadline of the stage it is in. */
	static final String OVERDUE = "((p.status = 'RECEIVED' and p.accept_due_on < :today)"
			+ " or (p.status = 'ACCEPTED' and p.finish_due_on < :today))";

	record Petitioner(String name, String idNumberMasked, String phoneMasked) {
	}

	record Event(OffsetDateTime at, String actorName, String kind, String note) {
	}

	/** One petition with what the list does not show. */
	record View(PetitionRow row, String sectorCode, LocalDate acceptedOn, String notAcceptedReason,
			String extensionReason, String reply, String createdBy, OffsetDateTime createdAt) {
	}

	private final JdbcClient jdbc;

	private final Identity identity;

	private final CaseDirectory cases;

	PetitionQueries(JdbcClient jdbc, Identity identity, CaseDirectory cases) {
		this.jdbc = jdbc;
		this.identity = identity;
		this.cases = cases;
	}

	@Transactional(readOnly = true)
	PageOf<PetitionRow> search(PetitionQuery q, DataScope scope, PageRequest page) {
		StringBuilder where = new StringBuilder(Petitions.VISIBLE);
		Map<String, Object> params = scope.sqlParams();
		params.put("today", Times.today());
		if (q.text() != null && !q.text().isBlank()) {
			String text = q.text().strip();
			String id = PersonalData.normaliseIdNumber(text);
			String phone = PersonalData.normalisePhone(text);
			if (PersonalData.isValidIdNumber(id)) {
				where.append(" and exists (select 1 from petition_petitioner pp where pp.petition_id = p.id"
						+ " and pp.id_number_idx = :idIdx)");
				params.put("idIdx", this.identity.idIndex("petition_petitioner", id));
			}
			else if (PersonalData.isValidPhone(phone)) {
				where.append(" and exists (select 1 from petition_petitioner pp where pp.petition_id = p.id"
						+ " and pp.phone_idx = :phoneIdx)");
				params.put("phoneIdx", this.identity.phoneIndex("petition_petitioner", phone));
			}
			else {
				where.append(
						" and (p.code = :code or p.request like :like or exists (select 1 from petition_petitioner pp"
								+ " where pp.petition_id = p.id and pp.name = :name))");
				params.put("code", text.toUpperCase());
				params.put("like", SqlLike.contains(text));
				params.put("name", text);
			}
		}
		if (q.channel() != null) {
			where.append(" and p.channel = :channel");
			params.put("channel", q.channel().name());
		}
		if (q.status() != null) {
			where.append(" and p.status = :status");
			params.put("status", q.status().name());
		}
		if (q.level() != null) {
			where.append(" and p.level_reached = :level");
			params.put("level", q.level().name());
		}
		if (q.regionCode() != null && !q.regionCode().isBlank()) {
			where.append(" and p.region_code like :regionPrefix");
			params.put("regionPrefix", org.fangfei.app.shared.Regions12.prefixOf(q.regionCode().strip()) + "%");
		}
		if (q.overdueOnly()) {
			where.append(" and ").append(OVERDUE);
		}
		if (q.collectiveOnly()) {
			where.append(" and p.collective");
		}
		if (q.caseId() != null) {
			where.append(" and p.case_id = :caseId");
			params.put("caseId", q.caseId());
		}
		long total = this.jdbc.sql("select count(*) from petition p where " + where)
			.params(params)
			.query(Long.class)
			.single();
		List<PetitionRow> rows = this.jdbc
			.sql(select() + " where " + where + " order by p.id desc limit " + page.size() + " offset " + page.offset())
			.params(params)
			.query(this::row)
			.list();
		return page.pageOf(withCases(rows), total);
	}

	@Transactional(readOnly = true)
	View view(long id, DataScope scope) {
		Map<String, Object> params = scope.sqlParams();
		params.put("today", Times.today());
		params.put("id", id);
		return this.jdbc.sql(select() + " where p.id = :id and " + Petitions.VISIBLE)
			.params(params)
			.query((rs, n) -> new View(row(rs, n), rs.getString("sector_code"),
					rs.getObject("accepted_on", LocalDate.class), rs.getString("not_accepted_reason"),
					rs.getString("extension_reason"), rs.getString("reply"), rs.getString("created_by"),
					rs.getObject("created_at", OffsetDateTime.class)))
			.optional()
			.map(v -> new View(withCases(List.of(v.row())).get(0), v.sectorCode(), v.acceptedOn(),
					v.notAcceptedReason(), v.extensionReason(), v.reply(), v.createdBy(), v.createdAt()))
			.orElseThrow(() -> new NotFound("信访件"));
	}

	/** The petitioners of a petition already read within scope; masked. */
	@Transactional(readOnly = true)
	List<Petitioner> petitioners(long petitionId) {
		return this.jdbc.sql(
				"select name, id_number_masked, phone_masked from petition_petitioner where petition_id = :p order by id")
			.param("p", petitionId)
			.query((rs, n) -> new Petitioner(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	@Transactional(readOnly = true)
	List<Event> timeline(long petitionId) {
		return this.jdbc
			.sql("select occurred_at, actor_name, kind, note from petition_event where petition_id = :p order by id")
			.param("p", petitionId)
			.query((rs, n) -> new Event(Times.local(rs.getObject(1, OffsetDateTime.class)), rs.getString(2),
					rs.getString(3), rs.getString(4)))
			.list();
	}

	private static String select() {
		return """
				select p.*, r.name as region_name, (select pp.name from petition_petitioner pp where pp.petition_id = p.id
				  order by pp.id limit 1) as petitioner, """
				+ OVERDUE + """
						as overdue from petition p left join region r on r.code = p.region_code""";
	}

	private PetitionRow row(ResultSet rs, int n) throws SQLException {
		return new PetitionRow(rs.getLong("id"), rs.getString("code"), Channel.valueOf(rs.getString("channel")),
				rs.getObject("received_on", LocalDate.class), rs.getString("region_code"), rs.getString("region_name"),
				LevelReached.valueOf(rs.getString("level_reached")), rs.getInt("petitioners_count"),
				rs.getBoolean("collective"), rs.getString("petitioner"), (Long) rs.getObject("case_id"), null,
				(Long) rs.getObject("subject_id"), rs.getString("request"),
				PetitionStatus.valueOf(rs.getString("status")), rs.getObject("accept_due_on", LocalDate.class),
				rs.getObject("finish_due_on", LocalDate.class), (Integer) rs.getObject("extension_days"),
				rs.getObject("replied_on", LocalDate.class),
				rs.getString("satisfaction") == null ? null : Satisfaction.valueOf(rs.getString("satisfaction")),
				rs.getBoolean("overdue"), rs.getInt("version"));
	}

	/** The case codes of the rows, in one call to the case ledger. */
	private List<PetitionRow> withCases(List<PetitionRow> rows) {
		var refs = this.cases.byIds(rows.stream().map(PetitionRow::caseId).filter(java.util.Objects::nonNull).toList());
		List<PetitionRow> out = new ArrayList<>(rows.size());
		for (PetitionRow r : rows) {
			var ref = r.caseId() == null ? null : refs.get(r.caseId());
			out.add(ref == null ? r
					: new PetitionRow(r.id(), r.code(), r.channel(), r.receivedOn(), r.regionCode(), r.regionName(),
							r.level(), r.petitionersCount(), r.collective(), r.petitioner(), r.caseId(), ref.code(),
							r.subjectId(), r.request(), r.status(), r.acceptDueOn(), r.finishDueOn(), r.extensionDays(),
							r.repliedOn(), r.satisfaction(), r.overdue(), r.version()));
		}
		return out;
	}

}
