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

}
