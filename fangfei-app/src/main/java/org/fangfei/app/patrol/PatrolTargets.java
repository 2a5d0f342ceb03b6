package org.fangfei.app.patrol;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fangfei.app.building.Building;
import org.fangfei.app.building.Buildings;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.subject.Subject;
import org.fangfei.app.subject.SubjectForm;
import org.fangfei.app.subject.SubjectKind;
import org.fangfei.app.subject.SubjectQuery;
import org.fangfei.app.subject.SubjectStatus;
import org.fangfei.app.subject.Subjects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The places a patrol visits: subjects through the subject ledger, buildings through the
 * building ledger, both within the caller's scope. A patrol takes its region and grid
 * from the place visited; a place without a grid falls in the level-2 grid of its
 * village. A subject visited is kept in {@link PatrolSubjects}.
 */
@Component
class PatrolTargets {

	/** Where a patrol was. */
	record Target(Long subjectId, Long buildingId, String regionCode, Long gridId, String name) {
	}

	/**
	 * A place the worker may pick.
	 *
	 * @param value the form value: {@code subject:<id>} or {@code building:<id>}
	 */
	record Choice(String value, String label, String detail) {
	}

	/** A village (or township) a new subject may be registered in. */
	record Village(String code, String name) {
	}

	private static final int CHOICES = 10;

	private final JdbcClient jdbc;

	private final Subjects subjects;

	private final Buildings buildings;

	private final PatrolSubjects patrolSubjects;

	PatrolTargets(JdbcClient jdbc, Subjects subjects, Buildings buildings, PatrolSubjects patrolSubjects) {
		this.jdbc = jdbc;
		this.subjects = subjects;
		this.buildings = buildings;
		this.patrolSubjects = patrolSubjects;
	}

	/**
	 * The subject or building of the form, or a subject registered now from its "new
	 * subject" fields; joins the caller's transaction.
	 */
	Target resolve(PatrolForm form, DataScope scope, String actor) {
		if (form.subjectId() != null) {
			Target target = ofSubject(subject(form.subjectId(), scope));
			if (form.buildingId() == null) {
				return target;
			}
			Target building = ofBuilding(form.buildingId(), scope);
			return new Target(target.subjectId(), building.buildingId(), target.regionCode(), target.gridId(),
					target.name());
		}
		if (form.buildingId() != null) {
			return ofBuilding(form.buildingId(), scope);
		}
		if (form.newSubjectName() == null || form.newSubjectName().isBlank()) {
			throw new Rejected("请选择走访的主体或楼宇，或现场新建主体", Map.of("target", "请选择走访的主体或楼宇，或现场新建主体"));
		}
		return ofSubject(this.subjects.create(newSubject(form), scope, actor));
	}

	/** A subject out of reach is a mistake on the form, not a missing page. */
	private Subject subject(long id, DataScope scope) {
		try {
			return this.subjects.get(id, scope);
		}
		catch (NotFound ex) {
			throw new Rejected(ex.getMessage(), Map.of("target", ex.getMessage()));
		}
	}

	private static SubjectForm newSubject(PatrolForm form) {
		SubjectKind kind = SubjectKind.ofLabel(form.newSubjectKind())
			.orElseThrow(() -> new Rejected("请选择新建主体的类型", Map.of("newSubjectKind", "请选择主体类型")));
		String region = form.newSubjectRegion() == null ? "" : form.newSubjectRegion().trim();
		if (!region.matches("[0-9]{12}")) {
			throw new Rejected("请选择新建主体所在的村(社区)", Map.of("newSubjectRegion", "请选择所在村(社区)"));
		}
		return new SubjectForm(kind, form.newSubjectName().trim(), "", "", "", "", form.place(), null, "", region, null,
				null, null, null, SubjectStatus.WATCHING, "", "走访巡查时现场登记");
	}

	private Target ofSubject(Subject s) {
		this.patrolSubjects.keep(s);
		Long grid = s.gridId() != null ? s.gridId() : gridOf(s.regionCode());
		return new Target(s.id(), s.buildingId(), s.regionCode(), grid, s.name());
	}

	private Target ofBuilding(long id, DataScope scope) {
		return this.buildings.find(id, scope)
			.filter(Building::enabled)
			.map(b -> new Target(null, b.id(), b.regionCode(), b.gridId() != null ? b.gridId() : gridOf(b.regionCode()),
					b.name()))
			.orElseThrow(() -> new Rejected("楼宇不存在或不在您的管辖范围内", Map.of("target", "楼宇不存在或不在您的管辖范围内")));
	}

	/**
	 * The enabled grid on the region itself: a village's level-2 grid, a township's
	 * level-1.
	 */
	private Long gridOf(String regionCode) {
		return this.jdbc.sql("select min(id) from grid where region_code = :r and enabled")
			.param("r", regionCode)
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	/** Subjects and buildings in scope whose name contains the text; the latest first. */
	List<Choice> search(String text, DataScope scope) {
		String q = text == null || text.isBlank() ? null : text.trim();
		List<Choice> choices = new ArrayList<>();
		SubjectQuery query = new SubjectQuery(q, null, null, null, null, null, null, null);
		this.subjects.search(query, scope, PageRequest.of(1, CHOICES))
			.items()
			.forEach(s -> choices.add(subjectChoice(s)));
		this.buildings.enabledNamed(q, scope, CHOICES)
			.forEach(b -> choices.add(new Choice("building:" + b.id(), b.name(), "楼宇 · " + b.address())));
		return choices;
	}

	static Choice subjectChoice(Subject s) {
		String address = s.businessAddress() != null ? s.businessAddress() : s.regionName();
		return new Choice("subject:" + s.id(), s.name(), s.kind().label() + " · " + address);
	}

	/** The subject offered first on the form, when the worker came from its page. */
	Choice choiceOf(long subjectId, DataScope scope) {
		return subjectChoice(this.subjects.get(subjectId, scope));
	}

	/** Villages in scope, and the caller's own township or village, for a new subject. */
	List<Village> villages(DataScope scope) {
		return this.jdbc.sql("""
				select code, name from region
				where code like :regionLike and level in ('TOWNSHIP', 'VILLAGE') and enabled order by code
				""")
			.param("regionLike", scope.regionLike())
			.query((rs, n) -> new Village(rs.getString("code"), rs.getString("name")))
			.list();
	}

}
