package org.fangfei.app.clue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.organisation.Department;
import org.fangfei.app.organisation.Departments;
import org.fangfei.app.organisation.Regions;
import org.fangfei.app.shared.Times;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Conflict;
import org.fangfei.app.shared.Money;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.subject.Subject;
import org.fangfei.app.subject.Subjects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The moves of the clue workflow as use cases: each loads the clue within the actor's
 * scope, checks that the version the user saw is still current, works out how the actor
 * stands towards the clue ({@link Clue.Party}), lets {@link Clue} decide, then saves,
 * audits and tells the next party. One transaction each: a refused move writes nothing.
 */
@Service
class ClueWorkflow {

	private final JdbcClient jdbc;

	private final Clues clues;

	private final Regions regions;

	private final Departments departments;

	private final AuditLog audit;

	private final ClueQueries queries;

	private final Subjects subjects;

	ClueWorkflow(JdbcClient jdbc, Clues clues, Regions regions, Departments departments, AuditLog audit,
			ClueQueries queries, Subjects subjects) {
		this.queries = queries;
		this.subjects = subjects;
		this.jdbc = jdbc;
		this.clues = clues;
		this.regions = regions;
		this.departments = departments;
		this.audit = audit;
	}

	/** What the actor may do now, for the clue page. */
	@Transactional(readOnly = true)
	Set<Clue.Action> actions(long id, Actor actor) {
		Clue clue = this.clues.load(id, actor);
		Set<Clue.Action> allowed = EnumSet.noneOf(Clue.Action.class);
		clue.allowed(ClueParties.of(actor, clue)).stream().filter(a -> actor.can(a.permission())).forEach(allowed::add);
		return allowed;
	}

	/**
	 * Loads, checks the version the user saw, applies one move and saves. Returns the
	 * clue as changed.
	 */
	private Clue act(long id, int seenVersion, Actor actor, Clue.Action action, Consumer<Clue> move) {
		if (!actor.can(action.permission())) {
			throw new AccessDeniedException("无权" + action.label());
		}
		Clue clue = this.clues.load(id, actor);
		if (clue.version() != seenVersion) {
			throw new Conflict(
					"线索 " + clue.code() + " 在您打开页面后已被他人处理(现为“" + clue.state().label() + "”)，您的操作未执行。请刷新后查看再决定是否继续。");
		}
		ClueState before = clue.state();
		move.accept(clue);
		this.clues.save(clue, before, clue.grade(), actor);
		this.audit.success("CLUE_" + action.name(), "clue", id,
				clue.code() + " " + before.label() + " → " + clue.state().label(), before.name(), clue.state().name());
		return clue;
	}

	@Transactional
	void accept(long id, int version, Actor actor) {
		act(id, version, actor, Clue.Action.ACCEPT, c -> c.accept(ClueParties.of(actor, c)));
	}

	@Transactional
	void reject(long id, int version, String reason, Actor actor) {
		act(id, version, actor, Clue.Action.REJECT, c -> c.reject(ClueParties.of(actor, c), reason));
	}

	/**
	 * 分派 to a lead unit and any assisting units (联合核查), all from the dispatch targets the
	 * actor may choose.
	 */
	@Transactional
	void dispatch(long id, int version, String unitKey, List<String> assistKeys, String reason, Actor actor) {
		Unit target = unitOf(unitKey, actor);
		List<Unit> assisting = new ArrayList<>();
		if (assistKeys != null) {
			List<Unit> targets = dispatchTargets(actor);
			for (String key : assistKeys) {
				if (key == null || key.isBlank()) {
					continue;
				}
				assisting.add(targets.stream()
					.filter(u -> u.key().equals(key.strip()))
					.findFirst()
					.orElseThrow(() -> new Rejected("协办单位须为乡镇或成员单位", Map.of("assist", "协办单位须为乡镇或成员单位"))));
			}
		}
		act(id, version, actor, Clue.Action.DISPATCH,
				c -> c.dispatch(ClueParties.of(actor, c), target, assisting, suggestedUnits(id), reason));
	}

	/** 协查: an assisting unit adds its part of the verification. */
	@Transactional
	void assist(long id, int version, String what, Actor actor) {
		act(id, version, actor, Clue.Action.ASSIST,
				c -> c.assist(ClueParties.of(actor, c), ClueParties.assistingUnit(actor, c), what));
	}

	@Transactional
	void returnToOffice(long id, int version, String reason, Actor actor) {
		act(id, version, actor, Clue.Action.RETURN, c -> c.returnToOffice(ClueParties.of(actor, c), reason));
	}

	@Transactional
	void receive(long id, int version, Actor actor) {
		act(id, version, actor, Clue.Action.RECEIVE, c -> c.receive(ClueParties.of(actor, c)));
	}

	@Transactional
	void verify(long id, int version, VerificationForm form, Actor actor) {
		if (form.visitedOn() == null || form.visitedOn().isAfter(Times.today())) {
			throw new Rejected("请填写核查日期(不能晚于今天)", Map.of("visitedOn", "请填写核查日期(不能晚于今天)"));
		}
		Long amount = Money.fen(form.amount(), "amount", "核实涉及金额");
		if (form.peopleCount() != null && (form.peopleCount() < 0 || form.peopleCount() > 10_000_000)) {
			throw new Rejected("核实涉及人数应为 0–10000000", Map.of("peopleCount", "核实涉及人数应为 0–10000000"));
		}
		Clue clue = act(id, version, actor, Clue.Action.VERIFY, c -> c.submitVerification(ClueParties.of(actor, c),
				form.investigatorList(), form.findings(), amount, form.peopleCount()));
		this.jdbc
			.sql("""
					insert into clue_verification (clue_id, investigators, visited_on, findings, recorded_by, amount_fen, people_count)
					values (:c, :who, :on, :findings, :by, :amount, :people)
					""")
			.param("amount", amount)
			.param("people", form.peopleCount())
			.param("c", clue.id())
			.param("who", String.join("、", VerificationNeedsTwoInvestigators.check(form.investigatorList())))
			.param("on", form.visitedOn())
			.param("findings", form.findings().strip())
			.param("by", actor.username())
			.update();
	}

	@Transactional
	void requestMore(long id, int version, String reason, Actor actor) {
		act(id, version, actor, Clue.Action.MORE, c -> c.requestMoreVerification(ClueParties.of(actor, c), reason));
	}

	@Transactional
	void determine(long id, int version, Determination what, String basis, Actor actor) {
		judge(id, version, actor, Clue.Action.DETERMINE, what, basis, "请选择认定结论",
				c -> c.determine(ClueParties.of(actor, c), what, basis));
	}

	@Transactional
	void dispute(long id, int version, String reason, Actor actor) {
		act(id, version, actor, Clue.Action.DISPUTE, c -> c.dispute(ClueParties.of(actor, c), reason));
	}

	@Transactional
	void resolveDispute(long id, int version, Determination what, String basis, Actor actor) {
		judge(id, version, actor, Clue.Action.RESOLVE, what, basis, "请选择裁决结论",
				c -> c.resolveDispute(ClueParties.of(actor, c), what, basis));
	}

	/** A determination or a ruling on a dispute, and the basis kept beside it. */
	private void judge(long id, int version, Actor actor, Clue.Action action, Determination what, String basis,
			String missing, Consumer<Clue> move) {
		if (what == null) {
			throw new Rejected(missing, Map.of("determination", missing));
		}
		act(id, version, actor, action, move);
		this.jdbc.sql("update clue set determination_note = :n where id = :id")
			.param("n", basis.strip())
			.param("id", id)
			.update();
	}

	@Transactional
	void recordMeasure(long id, int version, MeasureForm form, Actor actor) {
		Map<String, String> errors = form.check();
		if (!errors.isEmpty()) {
			throw new Rejected(String.join("；", errors.values()), errors);
		}
		Long amount = Money.fen(form.amount(), "amount", "金额");
		act(id, version, actor, Clue.Action.MEASURE, c -> c.recordMeasure(ClueParties.of(actor, c), form.kind(), amount,
				form.docNumber().strip(), form.takenOn()));
		this.jdbc.sql("""
				insert into clue_measure (clue_id, kind, taken_on, doc_number, amount_fen, result, recorded_by)
				values (:c, :kind, :on, :doc, :amount, :result, :by)
				""")
			.param("c", id)
			.param("kind", form.kind().name())
			.param("on", form.takenOn())
			.param("doc", form.docNumber().strip())
			.param("amount", amount)
			.param("result", form.result().strip())
			.param("by", actor.username())
			.update();
	}

	@Transactional
	void finishDisposal(long id, int version, Actor actor) {
		act(id, version, actor, Clue.Action.FINISH, c -> c.finishDisposal(ClueParties.of(actor, c)));
	}

	@Transactional
	void giveFeedback(long id, int version, String text, Actor actor) {
		act(id, version, actor, Clue.Action.FEEDBACK, c -> c.giveFeedback(ClueParties.of(actor, c), text));
	}

	@Transactional
	void close(long id, int version, String note, Actor actor) {
		act(id, version, actor, Clue.Action.CLOSE, c -> c.close(ClueParties.of(actor, c), note));
	}

	@Transactional
	void lookBack(long id, int version, String result, boolean reopen, Actor actor) {
		act(id, version, actor, Clue.Action.LOOK_BACK, c -> c.lookBack(ClueParties.of(actor, c), result, reopen));
	}

	/**
	 * 合并: this clue joins an open clue about the same matter and stops; it keeps its own
	 * channel and history, and the target's timeline says what joined it.
	 */
	@Transactional
	void merge(long id, int version, String targetCode, Actor actor) {
		long targetId = this.jdbc.sql("select c.id from clue c where c.code = :code and " + Clues.VISIBLE)
			.params(Clues.scopeParams(actor))
			.param("code", targetCode == null ? "" : targetCode.strip().toUpperCase())
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new Rejected("没有编号为“" + targetCode + "”的线索，或您无权查看", Map.of("target", "线索编号不存在")));
		ClueState targetState = ClueState.valueOf(this.jdbc.sql("select state from clue where id = :id for update")
			.param("id", targetId)
			.query(String.class)
			.single());
		if (targetId == id || !targetState.open()) {
			throw new Rejected("只能并入另一条未办结的线索", Map.of("target", "只能并入另一条未办结的线索"));
		}
		Clue clue = act(id, version, actor, Clue.Action.MERGE,
				c -> c.mergeInto(ClueParties.of(actor, c), targetId, targetCode.strip().toUpperCase()));
		this.jdbc.sql("update clue set merged_into = :t where id = :id").param("t", targetId).param("id", id).update();
		this.jdbc.sql("""
				insert into clue_subject (clue_id, subject_id)
				select :t, subject_id from clue_subject where clue_id = :id on conflict do nothing
				""").param("t", targetId).param("id", id).update();
		this.clues.event(targetId, actor, "合并", null, null, "线索 " + clue.code() + " 并入本线索");
	}

	/** 评论: anyone who can see the clue may comment on it. */
	@Transactional
	void comment(long id, String text, Actor actor) {
		Clue clue = this.clues.load(id, actor);
		if (text == null || text.isBlank() || text.length() > 2000) {
			throw new Rejected("请填写意见(不超过 2000 字)", Map.of("note", "请填写意见(不超过 2000 字)"));
		}
		this.clues.event(clue.id(), actor, "意见", null, null, text.strip());
		this.audit.success("CLUE_COMMENT", "clue", id, clue.code() + " 添加意见", null, null);
	}

	/**
	 * The units the clue should go to by territory and sector (条例 art. 20): the township
	 * of the first linked subject's registration place, or of the clue's region; and the
	 * sector's supervising department.
	 */
	@Transactional(readOnly = true)
	List<Unit> suggestedUnits(long id) {
		Map<String, Object> row = this.jdbc.sql("select region_code, sector_code from clue where id = :id")
			.param("id", id)
			.query()
			.singleRow();
		String region = this.subjects.byIds(this.queries.subjectIdsOf(id))
			.stream()
			.min(Comparator.comparingLong(Subject::id))
			.map(Subject::regionCode)
			.orElse((String) row.get("region_code"));
		List<Unit> units = new ArrayList<>();
		String township = JurisdictionRouting.townshipOf(region);
		if (township != null) {
			this.regions.byCode(township).ifPresent(r -> units.add(Unit.township(r.code(), r.name())));
		}
		if (row.get("sector_code") != null) {
			this.departments.supervisorOf((String) row.get("sector_code"), region)
				.filter(d -> !d.office())
				.ifPresent(d -> units.add(Unit.department(d.id(), d.name())));
		}
		return units;
	}

	/** Townships in the actor's scope and the member departments, as dispatch targets. */
	@Transactional(readOnly = true)
	List<Unit> dispatchTargets(Actor actor) {
		List<Unit> units = new ArrayList<>(this.jdbc.sql("""
				select code, name from region where enabled and code like :regionLike
				and code like '_________000' and code not like '______000000' order by code
				""")
			.param("regionLike", actor.scope().regionLike())
			.query((rs, n) -> Unit.township(rs.getString(1), rs.getString(2)))
			.list());
		for (Department d : this.departments.list(null, actor.scope())) {
			if (d.enabled() && !d.office()) {
				units.add(Unit.department(d.id(), d.name()));
			}
		}
		return units;
	}

	private Unit unitOf(String key, Actor actor) {
		return dispatchTargets(actor).stream()
			.filter(u -> u.key().equals(key))
			.findFirst()
			.orElseThrow(() -> new Rejected("请选择承办单位(乡镇或成员单位)", Map.of("unit", "请选择承办单位")));
	}

}
