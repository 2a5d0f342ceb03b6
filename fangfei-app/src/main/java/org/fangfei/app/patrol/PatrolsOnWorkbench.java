package org.fangfei.app.patrol;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.subject.Subject;
import org.fangfei.app.subject.SubjectQuery;
import org.fangfei.app.subject.SubjectStatus;
import org.fangfei.app.subject.Subjects;
import org.fangfei.app.workbench.WorkbenchPanel;
import org.fangfei.app.workbench.WorkbenchPanel.Figure;
import org.fangfei.app.workbench.WorkbenchPanel.Item;
import org.fangfei.app.workbench.WorkbenchPanel.Shortcut;
import org.fangfei.app.workbench.WorkbenchSection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Patrols on the workbench. Who patrols within a township or a village (the grid worker,
 * the township) sees the subjects of that jurisdiction still watched (监测中, 整改中) that
 * nobody has patrolled this calendar month (Asia/Shanghai), each a link to a new patrol
 * of it where a finding is raised; a county-wide view counts the level-2 grids without a
 * patrol in the last 30 days instead.
 */
@Component
class PatrolsOnWorkbench implements WorkbenchSection {

	/** Subjects read for one township or village at most. */
	static final int SUBJECTS_READ = 2000;

	static final int DUE_SHOWN = 8;

	static final Set<SubjectStatus> WATCHED = Set.of(SubjectStatus.WATCHING, SubjectStatus.RECTIFYING);

	private final Subjects subjects;

	private final PatrolCoverage coverage;

	private final JdbcClient jdbc;

	private final Patrols patrols;

	PatrolsOnWorkbench(Subjects subjects, PatrolCoverage coverage, JdbcClient jdbc, Patrols patrols) {
		this.subjects = subjects;
		this.coverage = coverage;
		this.jdbc = jdbc;
		this.patrols = patrols;
	}

	private long count(PatrolQuery q, Actor actor) {
		return this.patrols.search(q, actor.scope(), PageRequest.of(1, 1)).total();
	}

	@Override
	@Transactional(readOnly = true)
	public List<WorkbenchPanel> panels(Actor actor) {
		if (!actor.can("patrol:patrol:view")) {
			return List.of();
		}
		List<Shortcut> shortcuts = new ArrayList<>();
		if (actor.can("patrol:patrol:create")) {
			shortcuts.add(new Shortcut("patrol-new", "走访巡查", "/patrols/new"));
			shortcuts.add(new Shortcut("patrol-finding", "上报发现", "/patrols/new"));
		}
		shortcuts.add(new Shortcut("patrol-findings", "巡查发现", "/patrols/findings"));
		if (actor.scope().sectorLimited()) {
			// a department has no grids: its sectors' patrols of the last 30 days
			LocalDate today = LocalDate.now(Patrols.ZONE);
			PatrolQuery recent = new PatrolQuery(null, null, today.minusDays(PatrolCoverage.DEFAULT_DAYS - 1), today,
					null, null);
			PatrolQuery withFinding = new PatrolQuery(null, null, recent.from(), today, true, null);
			return List.of(new WorkbenchPanel("patrols", 70, "本行业走访巡查", "/patrols",
					List.of(new Figure("sector-patrols", "近30天巡查", count(recent, actor),
							"/patrols?from=" + recent.from(), false),
							new Figure("sector-findings", "近30天有发现", count(withFinding, actor),
									"/patrols?withFinding=true&from=" + recent.from(), true)),
					null, List.of(), shortcuts));
		}
		if (!actor.can("patrol:patrol:create") || actor.scope().regionPrefix().length() < 9) {
			long unpatrolled = this.coverage
				.notPatrolled(PatrolCoverage.DEFAULT_DAYS, actor.scope(), PageRequest.of(1, 1))
				.total();
			return List.of(new WorkbenchPanel("patrols", 70, "走访巡查", "/patrols",
					List.of(new Figure("unpatrolled", "30天未巡查网格", unpatrolled, "/patrols/unpatrolled", true)), null,
					List.of(), shortcuts));
		}
		List<Subject> watched = this.subjects.list(SubjectQuery.all(), actor.scope(), SUBJECTS_READ)
			.stream()
			.filter(s -> WATCHED.contains(s.status()))
			.toList();
		Set<Long> patrolled = patrolledThisMonth(watched.stream().map(Subject::id).toList());
		List<Subject> due = watched.stream().filter(s -> !patrolled.contains(s.id())).toList();
		LocalDate monthEnd = LocalDate.now(Patrols.ZONE).withDayOfMonth(1).plusMonths(1).minusDays(1);
		List<Item> items = due.stream()
			.limit(DUE_SHOWN)
			.map(s -> new Item(s.name(), s.regionName() + (s.sectorLabel() == null ? "" : " · " + s.sectorLabel()),
					monthEnd, false, "/patrols/new?subjectId=" + s.id()))
			.toList();
		return List.of(new WorkbenchPanel("patrols", 5, "本月走访巡查", "/patrols",
				List.of(new Figure("due", "本月待巡查主体", due.size(), "/patrols/new", true),
						new Figure("done", "本月已巡查主体", watched.size() - due.size(), "/patrols", false)),
				"本月待巡查", items, shortcuts));
	}

	private Set<Long> patrolledThisMonth(List<Long> subjectIds) {
		if (subjectIds.isEmpty()) {
			return Set.of();
		}
		OffsetDateTime monthStart = LocalDate.now(Patrols.ZONE)
			.withDayOfMonth(1)
			.atStartOfDay(Patrols.ZONE)
			.toOffsetDateTime();
		return new HashSet<>(this.jdbc
			.sql("select distinct subject_id from patrol where subject_id = any(:ids) and visited_at >= :from")
			.param("ids", subjectIds.toArray(Long[]::new))
			.param("from", monthStart)
			.query(Long.class)
			.list());
	}

}
