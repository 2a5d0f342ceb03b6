package org.fangfei.app.casefile;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Conflict;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.NotFound;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads and saves cases within the caller's scope. A case is seen by the jurisdiction of
 * its lead region and by those of the regions involved (三统两分: they follow the case and
 * handle their part), and, for a department, only in its sectors; it is changed only
 * within the lead region's scope.
 */
@Component
class Cases {

	/** Who sees a case {@code c}: bound parameters of {@link DataScope#sqlParams()}. */
	static final String VISIBLE = "((c.region_code like :regionLike or exists (select 1 from case_region cr"
			+ " where cr.case_id = c.id and cr.region_code like :regionLike))"
			+ " and (not :sectorLimited or c.sector_code = any(:sectorCodes)))";

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	Cases(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/** The case as the caller may see it; 404 outside the scope. */
	CaseFile load(long id, DataScope scope) {
		List<Long> subjects = this.jdbc
			.sql("select subject_id from case_subject where case_id = :id order by subject_id")
			.param("id", id)
			.query(Long.class)
			.list();
		return this.jdbc.sql("select c.* from case_file c where c.id = :id and " + VISIBLE)
			.params(scope.sqlParams())
			.param("id", id)
			.query((rs, n) -> new CaseFile(rs.getLong("id"), rs.getString("code"), rs.getString("title"),
					rs.getString("region_code"), rs.getString("sector_code"), subjects,
					CasePath.valueOf(rs.getString("path")), CaseStage.valueOf(rs.getString("stage")),
					rs.getObject("stage_on", LocalDate.class), rs.getObject("criminal_filed_on", LocalDate.class),
					rs.getInt("version")))
			.optional()
			.orElseThrow(() -> new NotFound("案件"));
	}

	/**
	 * The case for a change by {@code actor}: visible, and within the scope of its lead
	 * region (an involved region only reads); refuses a stale version.
	 */
	CaseFile forChange(long id, Integer seenVersion, Actor actor) {
		CaseFile c = load(id, actor.scope());
		if (!actor.scope().covers(c.regionCode())) {
			throw new AccessDeniedException("本案由主办地办理，协办地只能查看");
		}
		if (seenVersion != null && seenVersion != c.version()) {
			throw new Conflict("案件已被他人修改，请刷新后重试");
		}
		return c;
	}

	/**
	 * Writes the stage, its entries and timeline lines, raises the version and publishes
	 * the case's events ({@link CaseEvent}) in the same transaction; refuses with a
	 * {@link Conflict} when someone saved the case since it was loaded.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void save(CaseFile c, Actor actor) {
		int updated = this.jdbc.sql("""
				update case_file set path = :path, stage = :stage, stage_on = :on, criminal_filed_on = :filed,
				version = version + 1, updated_at = now() where id = :id and version = :version
				""")
			.param("path", c.path().name())
			.param("stage", c.stage().name())
			.param("on", c.stageOn())
			.param("filed", c.criminalFiledOn())
			.param("id", c.id())
			.param("version", c.version())
			.update();
		if (updated != 1) {
			throw new Conflict("案件已被他人修改，请刷新后重试");
		}
		for (StageEntry entry : c.newStages()) {
			stage(c.id(), entry, actor);
		}
		for (String[] event : c.newEvents()) {
			event(c.id(), actor, event[0], event[1]);
		}
		c.events().forEach(this.events::publishEvent);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void stage(long caseId, StageEntry entry, Actor actor) {
		this.jdbc.sql("""
				insert into case_stage (case_id, stage, entered_on, doc_number, unit, note, recorded_by)
				values (:case, :stage, :on, :doc, :unit, :note, :by)
				""")
			.param("case", caseId)
			.param("stage", entry.stage().name())
			.param("on", entry.on())
			.param("doc", entry.docNumber().strip())
			.param("unit", entry.unit().strip())
			.param("note", entry.note() == null || entry.note().isBlank() ? null : entry.note().strip())
			.param("by", actor.username())
			.update();
	}

	/** Appends one line to the case's timeline. */
	@Transactional(propagation = Propagation.MANDATORY)
	void event(long caseId, Actor actor, String kind, String note) {
		this.jdbc
			.sql("""
					insert into case_event (case_id, actor, actor_name, kind, note) values (:case, :actor, :name, :kind, :note)
					""")
			.param("case", caseId)
			.param("actor", actor.username())
			.param("name", actor.displayName())
			.param("kind", kind)
			.param("note", note.length() > 2000 ? note.substring(0, 2000) : note)
			.update();
	}

	/** Raises the version for a change that is not a stage move. */
	@Transactional(propagation = Propagation.MANDATORY)
	void touch(CaseFile c, Actor actor) {
		save(c, actor);
	}

	static Map<String, Object> params(DataScope scope) {
		Map<String, Object> params = scope.sqlParams();
		params.put("fiveYearsAgo", LocalDate.now().minusYears(KeyCaseRules.FILED_YEARS));
		return params;
	}

}
