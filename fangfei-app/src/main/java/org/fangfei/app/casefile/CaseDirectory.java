package org.fangfei.app.casefile;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.fangfei.app.shared.DataScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may know of cases: one case as the caller sees it (to link a
 * petition to it), the codes and titles of a list's cases in one call, and a closed
 * case's facts for a typical case.
 */
@Component
public class CaseDirectory {

	/**
	 * A case as another module sees it.
	 *
	 * @param closed whether the case is closed (结案)
	 */
	public record CaseRef(long id, String code, String title, String regionCode, String sectorCode, boolean closed) {
	}

	/**
	 * A closed case's facts for a typical case (典型案例, the outreach module): what can be
	 * told without personal data, and the ids of its subjects so that their names can be
	 * kept out.
	 *
	 * @param amountRaisedFen the amount raised, or null when unknown
	 * @param closedOn the date of 结案
	 */
	public record ClosedCase(long id, String code, String title, String regionCode, String sectorLabel,
			String schemeLabel, String pathLabel, Long amountRaisedFen, Integer participants, LocalDate closedOn,
			List<String> stages, List<Long> subjectIds) {
	}

	/**
	 * A case over a month, as its stages stood at the month's end (the stages' own dates,
	 * 进入日期, decide; a stage entered after the month is not the month's).
	 *
	 * @param stageAtEnd the label of the stage reached by the month's last day
	 * @param stagesInMonth the labels of the stages entered within the month, in order
	 */
	public record CaseInMonth(long id, String code, String title, String regionCode, String pathLabel,
			String stageAtEnd, LocalDate stageOn, Long amountRaisedFen, Integer participants,
			List<String> stagesInMonth) {
	}

	private final JdbcClient jdbc;

	CaseDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The case if the caller may see it. */
	@Transactional(readOnly = true)
	public Optional<CaseRef> visible(long id, DataScope scope) {
		return this.jdbc.sql("select c.* from case_file c where c.id = :id and " + Cases.VISIBLE)
			.params(scope.sqlParams())
			.param("id", id)
			.query((rs, n) -> ref(rs))
			.optional();
	}

	/** The caller's most recently opened cases that are not closed, newest first. */
	@Transactional(readOnly = true)
	public List<CaseRef> recentOpen(DataScope scope, int limit) {
		return this.jdbc
			.sql("select c.* from case_file c where c.stage <> 'CLOSED' and " + Cases.VISIBLE
					+ " order by c.id desc limit " + Math.max(1, Math.min(limit, 100)))
			.params(scope.sqlParams())
			.query((rs, n) -> ref(rs))
			.list();
	}

	/**
	 * The caller's open cases whose next step is {@code step} — at 审查起诉 before trial, at
	 * 执行 (or at 处罚/取缔 on the administrative path) before refunds start — where a
	 * stability risk assessment is due (三同步).
	 */
	@Transactional(readOnly = true)
	public List<CaseRef> approaching(SensitiveStep step, DataScope scope) {
		List<String> stages = switch (step) {
			case TRIAL -> List.of(CaseStage.PROSECUTION.name());
			case REFUND_START -> List.of(CaseStage.ENFORCEMENT.name(), CaseStage.PENALTY.name());
			default -> List.of();
		};
		if (stages.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("select c.* from case_file c where c.stage in (:stages) and " + Cases.VISIBLE + " order by c.id")
			.params(scope.sqlParams())
			.param("stages", stages)
			.query((rs, n) -> ref(rs))
			.list();
	}

	/**
	 * The cases with these ids, whatever the scope (for names on a list already scoped).
	 */
	@Transactional(readOnly = true)
	public Map<Long, CaseRef> byIds(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return this.jdbc.sql("select c.* from case_file c where c.id in (:ids)")
			.param("ids", List.copyOf(ids))
			.query((rs, n) -> ref(rs))
			.list()
			.stream()
			.collect(Collectors.toMap(CaseRef::id, Function.identity()));
	}

	/** The caller's closed cases, most recently closed first. */
	@Transactional(readOnly = true)
	public List<CaseRef> recentClosed(DataScope scope, int limit) {
		return this.jdbc
			.sql("select c.* from case_file c where c.stage = 'CLOSED' and " + Cases.VISIBLE
					+ " order by c.stage_on desc, c.id desc limit " + Math.max(1, Math.min(limit, 200)))
			.params(scope.sqlParams())
			.query((rs, n) -> ref(rs))
			.list();
	}

	/** The closed case if the caller may see it; empty for an open or unknown case. */
	@Transactional(readOnly = true)
	public Optional<ClosedCase> closed(long id, DataScope scope) {
		Optional<ClosedCase> found = this.jdbc.sql("""
				select c.*, s.label as sector_label, m.label as scheme_label from case_file c
				left join dict_item s on s.dict_type = 'sector' and s.code = c.sector_code
				left join dict_item m on m.dict_type = 'scheme' and m.code = c.scheme_code
				where c.id = :id and c.stage = 'CLOSED' and """ + Cases.VISIBLE)
			.params(scope.sqlParams())
			.param("id", id)
			.query((rs, n) -> new ClosedCase(rs.getLong("id"), rs.getString("code"), rs.getString("title"),
					rs.getString("region_code"), rs.getString("sector_label"), rs.getString("scheme_label"),
					CasePath.valueOf(rs.getString("path")).label(), (Long) rs.getObject("amount_raised_fen"),
					(Integer) rs.getObject("participants_count"), rs.getObject("stage_on", LocalDate.class), List.of(),
					List.of()))
			.optional();
		return found.map(c -> new ClosedCase(c.id(), c.code(), c.title(), c.regionCode(), c.sectorLabel(),
				c.schemeLabel(), c.pathLabel(), c.amountRaisedFen(), c.participants(), c.closedOn(),
				this.jdbc.sql("select stage, entered_on from case_stage where case_id = :id order by entered_on, id")
					.param("id", id)
					.query((rs, n) -> CaseStage.valueOf(rs.getString(1)).label() + " "
							+ rs.getObject(2, LocalDate.class))
					.list(),
				this.jdbc.sql("select subject_id from case_subject where case_id = :id order by subject_id")
					.param("id", id)
					.query(Long.class)
					.list()));
	}

	/**
	 * The cases within {@code regionPrefix} that had reached a stage by {@code last} and
	 * were not closed (结案) before {@code first}, by code. Not scoped by the caller: the
	 * monthly ledger has checked the caller's jurisdiction over the region.
	 */
	@Transactional(readOnly = true)
	public List<CaseInMonth> inMonth(String regionPrefix, LocalDate first, LocalDate last) {
		return this.jdbc
			.sql("""
					select c.id, c.code, c.title, c.region_code, c.path, c.amount_raised_fen, c.participants_count,
					  e.stage as end_stage, e.entered_on as end_on,
					  (select string_agg(s.stage, ',' order by s.entered_on, s.id) from case_stage s
					     where s.case_id = c.id and s.entered_on between :first and :last) as in_month
					from case_file c
					join lateral (select s.stage, s.entered_on from case_stage s where s.case_id = c.id and s.entered_on <= :last
					  order by s.entered_on desc, s.id desc limit 1) e on true
					where c.region_code like :p
					  and not exists (select 1 from case_stage s where s.case_id = c.id and s.stage = 'CLOSED' and s.entered_on < :first)
					order by c.code
					""")
			.param("p", regionPrefix + "%")
			.param("first", first)
			.param("last", last)
			.query((rs, n) -> {
				String inMonth = rs.getString("in_month");
				return new CaseInMonth(rs.getLong("id"), rs.getString("code"), rs.getString("title"),
						rs.getString("region_code"), CasePath.valueOf(rs.getString("path")).label(),
						CaseStage.valueOf(rs.getString("end_stage")).label(), rs.getObject("end_on", LocalDate.class),
						(Long) rs.getObject("amount_raised_fen"), (Integer) rs.getObject("participants_count"),
						inMonth == null ? List.of()
								: java.util.Arrays.stream(inMonth.split(","))
									.map(stage -> CaseStage.valueOf(stage).label())
									.toList());
			})
			.list();
	}

	private static CaseRef ref(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new CaseRef(rs.getLong("id"), rs.getString("code"), rs.getString("title"), rs.getString("region_code"),
				rs.getString("sector_code"), CaseStage.CLOSED.name().equals(rs.getString("stage")));
	}

}
