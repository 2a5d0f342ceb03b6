package org.fangfei.app.casefile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.clue.ClueFacts;
import org.fangfei.app.notification.Inbox;
import org.fangfei.app.notification.NoticeKind;
import org.fangfei.app.notification.Recipient;
import org.fangfei.app.organisation.Regions;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Money;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.Rejected;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opening cases and changing what they are about: a case registered directly (assigned
 * from above, an old case) or opened by the office from a clue waiting in
 * {@link CaseCandidates}; the figures, subjects and regions involved, each change on the
 * timeline and audited in its transaction. A region newly involved is told through its
 * office's inbox (三统两分: 第一时间通报相关涉及地). Opening publishes {@link CaseEvent.Opened}, a
 * change {@link CaseEvent.FiguresChanged}, a stage move what {@link CaseFile} raised.
 */
@Service
class CaseRegistry {

	static final String PERMISSION = "casefile:case:edit";

	private final JdbcClient jdbc;

	private final Cases cases;

	private final CaseRules rules;

	private final AuditLog audit;

	private final Inbox inbox;

	private final Regions regions;

	private final ClueFacts clues;

	private final ApplicationEventPublisher events;

	private final SensitiveSteps sensitiveSteps;

	CaseRegistry(JdbcClient jdbc, Cases cases, CaseRules rules, AuditLog audit, Inbox inbox, Regions regions,
			ClueFacts clues, ApplicationEventPublisher events, SensitiveSteps sensitiveSteps) {
		this.events = events;
		this.sensitiveSteps = sensitiveSteps;
		this.jdbc = jdbc;
		this.cases = cases;
		this.rules = rules;
		this.audit = audit;
		this.inbox = inbox;
		this.regions = regions;
		this.clues = clues;
	}

	/** Registers a case directly; returns its id. */
	@Transactional
	long register(CaseForm form, Actor actor) {
		need(actor);
		if (form.clueId() != null) {
			return openFromClue(form.clueId(), form, actor);
		}
		Particulars p = this.rules.checkOpening(form, false, actor.scope(), LocalDate.now());
		CaseOrigin origin = form.origin() == null ? CaseOrigin.ASSIGNED : form.origin();
		long id = insert(p, form, origin, null, null, actor);
		this.audit.success("CASE_REGISTER", "case", id, "登记案件 " + code(id) + " " + p.title(), null, null);
		return id;
	}

	/**
	 * Opens the case of a clue waiting in the office's list; the clue's subjects come
	 * with it. A clue gives one case.
	 */
	@Transactional
	long openFromClue(long clueId, CaseForm form, Actor actor) {
		need(actor);
		CaseCandidates.Candidate waiting = this.jdbc
			.sql("""
					select clue_id, clue_code, status from case_candidate where clue_id = :clue and region_code like :regionLike
					for update
					""")
			.param("clue", clueId)
			.param("regionLike", actor.scope().regionLike())
			.query((rs, n) -> new CaseCandidates.Candidate(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.optional()
			.orElseThrow(() -> new NotFound("待立案线索"));
		if (!waiting.status().equals("WAITING")) {
			throw new Rejected("该线索已" + ("OPENED".equals(waiting.status()) ? "建立案件" : "撤回认定，不再建立案件"));
		}
		List<Long> subjects = new ArrayList<>(form.subjectIds());
		this.clues.of(clueId)
			.ifPresent(f -> f.subjectIds().stream().filter(s -> !subjects.contains(s)).forEach(subjects::add));
		CaseForm withSubjects = new CaseForm(clueId, form.title(), CaseOrigin.CLUE, form.path(), form.stage(),
				form.stageOn(), form.docNumber(), form.unit(), form.regionCode(), form.sectorCode(), form.schemeCode(),
				form.amountRaised(), form.participantsCount(), form.directLoss(), form.criminalFiledOn(), subjects,
				form.involvedRegions());
		Particulars p = this.rules.checkOpening(withSubjects, true, actor.scope(), LocalDate.now());
		long id = insert(p, withSubjects, CaseOrigin.CLUE, clueId, waiting.clueCode(), actor);
		this.jdbc.sql(
				"update case_candidate set status = 'OPENED', case_id = :case, updated_at = now() where clue_id = :clue")
			.param("case", id)
			.param("clue", clueId)
			.update();
		this.inbox.resolve(CaseCandidates.dedupKey(clueId));
		this.audit.success("CASE_OPEN", "case", id, "由线索 " + waiting.clueCode() + " 建立案件 " + code(id), null, null);
		return id;
	}

	private long insert(Particulars p, CaseForm form, CaseOrigin origin, Long clueId, String clueCode, Actor actor) {
		LocalDate filed = form.path() == CasePath.CRIMINAL
				? (form.stage() == CaseStage.FILED ? form.stageOn() : form.criminalFiledOn()) : null;
		long id = this.jdbc
			.sql("""
					insert into case_file (code, title, origin, clue_id, clue_code, path, stage, stage_on, region_code, sector_code,
					  scheme_code, amount_raised_fen, participants_count, direct_loss_fen, criminal_filed_on, cross_province, created_by)
					values ('AJ' || to_char(now(), 'YYYY') || lpad(nextval('case_code_seq')::text, 5, '0'), :title, :origin, :clue,
					  :clueCode, :path, :stage, :on, :region, :sector, :scheme, :amount, :people, :loss, :filed, :cross, :by)
					returning id
					""")
			.param("title", p.title())
			.param("origin", origin.name())
			.param("clue", clueId)
			.param("clueCode", clueCode)
			.param("path", form.path().name())
			.param("stage", form.stage().name())
			.param("on", form.stageOn())
			.param("region", p.regionCode())
			.param("sector", p.sectorCode())
			.param("scheme", p.schemeCode())
			.param("amount", p.amountRaisedFen())
			.param("people", p.participants())
			.param("loss", p.directLossFen())
			.param("filed", filed)
			.param("cross", p.crossProvince())
			.param("by", actor.username())
			.query(Long.class)
			.single();
		this.cases.stage(id, new StageEntry(form.stage(), form.stageOn(), form.docNumber(), form.unit(), null), actor);
		this.cases.event(id, actor, "登记",
				origin.label() + "，" + form.path().label() + "，" + form.stage().label() + " " + form.stageOn() + " "
						+ form.docNumber().strip() + "（" + form.unit().strip() + "）"
						+ (clueCode == null ? "" : "，线索 " + clueCode));
		writeSubjects(id, p.subjectIds());
		addRegions(id, p, p.involvedRegions(), actor);
		String code = code(id);
		this.events.publishEvent(new CaseEvent.Opened(
				new CaseEvent.CaseRef(id, code, p.title(), p.regionCode(), p.sectorCode(), p.subjectIds(), 0), origin,
				clueId, form.path(), form.stage(), form.stageOn(), form.docNumber().strip(), form.unit().strip()));
		return id;
	}

	/** Changes what the case is about; regions newly involved are told. */
	@Transactional
	void update(long id, int seenVersion, CaseForm form, Actor actor) {
		need(actor);
		CaseFile c = this.cases.forChange(id, seenVersion, actor);
		Particulars p = this.rules.check(form, actor.scope());
		Set<String> before = new TreeSet<>(involved(id));
		List<String> added = p.involvedRegions().stream().filter(r -> !before.contains(r)).toList();
		List<String> removed = before.stream().filter(r -> !p.involvedRegions().contains(r)).toList();
		c.changeParticulars(p,
				"涉案金额 " + Money.yuan(p.amountRaisedFen()) + "，参与人 " + p.participants() + "，直接损失 "
						+ Money.yuan(p.directLossFen()) + (added.isEmpty() ? "" : "，新增涉及地区 " + String.join("、", added))
						+ (removed.isEmpty() ? "" : "，移除涉及地区 " + String.join("、", removed)));
		this.cases.save(c, actor);
		this.jdbc
			.sql("""
					update case_file set title = :title, region_code = :region, sector_code = :sector, scheme_code = :scheme,
					amount_raised_fen = :amount, participants_count = :people, direct_loss_fen = :loss, cross_province = :cross
					where id = :id
					""")
			.param("title", p.title())
			.param("region", p.regionCode())
			.param("sector", p.sectorCode())
			.param("scheme", p.schemeCode())
			.param("amount", p.amountRaisedFen())
			.param("people", p.participants())
			.param("loss", p.directLossFen())
			.param("cross", p.crossProvince())
			.param("id", id)
			.update();
		this.jdbc.sql("delete from case_subject where case_id = :id").param("id", id).update();
		writeSubjects(id, p.subjectIds());
		if (!removed.isEmpty()) {
			this.jdbc.sql("delete from case_region where case_id = :id and region_code in (:codes)")
				.param("id", id)
				.param("codes", removed)
				.update();
		}
		addRegions(id, p, added, actor);
		this.audit.success("CASE_UPDATE", "case", id, "修改案件 " + c.code(), null, null);
	}

	/**
	 * Moves the case to its next stage (or closes it, or transfers it to the police); 审判
	 * and 清退 only once their stability risk was assessed ({@link SensitiveSteps}).
	 */
	@Transactional
	void advance(long id, int seenVersion, StageEntry entry, Actor actor) {
		need(actor);
		CaseFile c = this.cases.forChange(id, seenVersion, actor);
		CaseStage from = c.stage();
		c.advance(entry, LocalDate.now());
		this.sensitiveSteps.check(id, SensitiveStep.of(c.stage()));
		this.cases.save(c, actor);
		this.audit.success("CASE_STAGE", "case", id, c.code() + " " + from.label() + " → " + c.stage().label(), null,
				null);
	}

	private void writeSubjects(long id, List<Long> subjectIds) {
		for (Long subject : subjectIds) {
			this.jdbc.sql("insert into case_subject (case_id, subject_id) values (:case, :subject)")
				.param("case", id)
				.param("subject", subject)
				.update();
		}
	}

	private void addRegions(long id, Particulars p, List<String> codes, Actor actor) {
		for (String code : codes) {
			boolean known = this.regions.byCode(code).isPresent();
			this.jdbc.sql("insert into case_region (case_id, region_code, notified_at) values (:case, :region, :at)")
				.param("case", id)
				.param("region", code)
				.param("at", known ? java.time.OffsetDateTime.now() : null)
				.update();
			if (known) {
				this.inbox.post(NoticeKind.INFO, Recipient.unit(code), "跨区域案件通报：" + p.title(),
						"本地区涉及案件 " + code(id) + "（主办地 " + p.regionCode() + "），请配合做好本地区的处置工作。", "/cases/" + id,
						"case-region:" + id + ":" + code);
			}
			this.cases.event(id, actor, "通报涉及地区", code + (known ? " 已通报当地处非办" : " 不在本系统中，须另行通报"));
		}
	}

	List<String> involved(long id) {
		return this.jdbc.sql("select region_code from case_region where case_id = :id order by region_code")
			.param("id", id)
			.query(String.class)
			.list();
	}

	private String code(long id) {
		return this.jdbc.sql("select code from case_file where id = :id").param("id", id).query(String.class).single();
	}

	static void need(Actor actor) {
		if (!actor.can(PERMISSION)) {
			throw new AccessDeniedException("无权办理案件");
		}
	}

}
