package org.fangfei.app.subject;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The subjects as they stood at a moment, rebuilt from {@code subject_history} (every
 * state a subject was in and from when, written by trigger on each change): for the
 * monthly ledger, which must show a past month as it was, never today's ledger. Not
 * scoped by the caller: it serves a township's ledger, whose region the caller has
 * already been checked for.
 */
@Service
public class SubjectHistory {

	/**
	 * A subject as it stood.
	 *
	 * @param sectorLabel the sector's label, or empty
	 */
	public record Standing(long id, String name, SubjectKind kind, String regionCode, String sectorCode,
			String sectorLabel, RiskLevel riskLevel, SubjectStatus status) {

		public String riskLabel() {
			return this.riskLevel == null ? "未定级" : this.riskLevel.label();
		}

	}

	private final JdbcClient jdbc;

	SubjectHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The subjects within {@code regionPrefix} at {@code at} (their latest state before
	 * it), by id; a subject that had moved elsewhere by then is not among them, one
	 * registered after it neither, and one deleted since (registered by mistake) is in no
	 * month.
	 */
	@Transactional(readOnly = true)
	public List<Standing> asAt(String regionPrefix, OffsetDateTime at) {
		return this.jdbc
			.sql("""
					select h.*, d.label as sector_label from (
					  select distinct on (subject_id) * from subject_history
					  where valid_from < :at and subject_id in (select subject_id from subject_history where region_code like :p)
					  order by subject_id, valid_from desc, id desc) h
					left join dict_item d on d.dict_type = 'sector' and d.code = h.sector_code
					where h.region_code like :p and exists (select 1 from subject s where s.id = h.subject_id)
					order by h.subject_id
					""")
			.param("at", at)
			.param("p", regionPrefix + "%")
			.query((rs, n) -> new Standing(rs.getLong("subject_id"), rs.getString("name"),
					SubjectKind.valueOf(rs.getString("kind")), rs.getString("region_code"), rs.getString("sector_code"),
					rs.getString("sector_label") == null ? "" : rs.getString("sector_label"),
					rs.getString("risk_level") == null ? null : RiskLevel.valueOf(rs.getString("risk_level")),
					SubjectStatus.valueOf(rs.getString("status"))))
			.list();
	}

	/** The subjects within a region at a month's start and at its end. */
	public record StartAndEnd(List<Standing> atStart, List<Standing> atEnd) {
	}

	/**
	 * {@link #asAt} at two moments in one pass: the subjects that were ever within
	 * {@code regionPrefix} before {@code end}, each with its latest state before
	 * {@code start} and before {@code end} (two index probes per subject on
	 * {@code subject_history (subject_id, valid_from, id)} instead of sorting the whole
	 * history twice — 65,000 subjects of a township among 1,000,000). The township's
	 * subjects come from V102's index alone, and "not deleted since" is a probe per
	 * subject: as {@code exists}, PostgreSQL merge-joined the whole subject table.
	 */
	@Transactional(readOnly = true)
	public StartAndEnd asAt(String regionPrefix, OffsetDateTime start, OffsetDateTime end) {
		List<Standing> atStart = new java.util.ArrayList<>();
		List<Standing> atEnd = new java.util.ArrayList<>();
		String like = regionPrefix + "%";
		this.jdbc
			.sql("""
					select ids.subject_id,
					       e.name, e.kind, e.region_code, e.sector_code, e.risk_level, e.status, de.label as sector_label,
					       b.name as b_name, b.kind as b_kind, b.region_code as b_region_code, b.sector_code as b_sector_code,
					       b.risk_level as b_risk_level, b.status as b_status, db.label as b_sector_label
					from (select distinct subject_id from subject_history where region_code like :p and valid_from < :end) ids
					join lateral (select * from subject_history x where x.subject_id = ids.subject_id and x.valid_from < :end
					              order by x.valid_from desc, x.id desc limit 1) e on true
					left join lateral (select * from subject_history x where x.subject_id = ids.subject_id and x.valid_from < :start
					              order by x.valid_from desc, x.id desc limit 1) b on true
					left join dict_item de on de.dict_type = 'sector' and de.code = e.sector_code
					left join dict_item db on db.dict_type = 'sector' and db.code = b.sector_code
					where ids.subject_id = (select s.id from subject s where s.id = ids.subject_id)
					order by ids.subject_id
					""")
			.param("p", like)
			.param("start", start)
			.param("end", end)
			.query((rs, n) -> {
				long id = rs.getLong("subject_id");
				if (rs.getString("region_code").startsWith(regionPrefix)) {
					atEnd.add(standing(rs, id, ""));
				}
				if (rs.getString("b_region_code") != null && rs.getString("b_region_code").startsWith(regionPrefix)) {
					atStart.add(standing(rs, id, "b_"));
				}
				return null;
			})
			.list();
		return new StartAndEnd(atStart, atEnd);
	}

	private static Standing standing(java.sql.ResultSet rs, long id, String p) throws java.sql.SQLException {
		return new Standing(id, rs.getString(p + "name"), SubjectKind.valueOf(rs.getString(p + "kind")),
				rs.getString(p + "region_code"), rs.getString(p + "sector_code"),
				rs.getString(p + "sector_label") == null ? "" : rs.getString(p + "sector_label"),
				rs.getString(p + "risk_level") == null ? null : RiskLevel.valueOf(rs.getString(p + "risk_level")),
				SubjectStatus.valueOf(rs.getString(p + "status")));
	}

}
