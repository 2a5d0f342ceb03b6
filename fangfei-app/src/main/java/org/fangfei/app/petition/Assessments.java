package org.fangfei.app.petition;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.casefile.CaseDirectory;
import org.fangfei.app.casefile.SensitiveStep;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.PageOf;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 社会稳定风险评估 (004 task 24, "三同步"): before a sensitive step of a case — coercive measures,
 * the public statement, starting refunds, trial — the lead region records the risk it
 * foresees, its level and the plan (处置预案). Assessments are never changed; a new one for
 * the same step supersedes the earlier on the case page. The case ledger asks
 * {@link AssessmentBeforeSensitiveStep} before it records the step.
 */
@Service
class Assessments {

	static final String EDIT = "petition:assessment:edit";

	/** An assessment as entered. */
	record AssessmentForm(Long caseId, SensitiveStep step, StabilityRisk riskLevel, LocalDate assessedOn,
			String assessedBy, String risks, String plan) {
	}

	/** An assessment as shown. */
	record Assessment(long id, long caseId, String caseCode, String caseTitle, SensitiveStep step,
			StabilityRisk riskLevel, LocalDate assessedOn, String assessedBy, String risks, String plan,
			String recordedBy, OffsetDateTime recordedAt) {
	}

	private final JdbcClient jdbc;

	private final CaseDirectory cases;

	private final AuditLog audit;

	Assessments(JdbcClient jdbc, CaseDirectory cases, AuditLog audit) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.audit = audit;
	}

	@Transactional
	long record(AssessmentForm f, Actor actor) {
		if (!actor.can(EDIT)) {
			throw new AccessDeniedException("无权登记社会稳定风险评估");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		CaseDirectory.CaseRef ref = null;
		if (f.caseId() == null) {
			errors.put("caseId", "请选择案件");
		}
		else {
			ref = this.cases.visible(f.caseId(), actor.scope()).orElseThrow(() -> new NotFound("案件"));
			if (!actor.scope().covers(ref.regionCode())) {
				throw new AccessDeniedException("本案由主办地办理，协办地不能登记风险评估");
			}
			if (ref.closed()) {
				errors.put("caseId", "案件已结案，不能再登记风险评估");
			}
		}
		if (f.step() == null) {
			errors.put("step", "请选择评估的处置环节");
		}
		if (f.riskLevel() == null) {
			errors.put("riskLevel", "请选择风险等级");
		}
		if (f.assessedOn() == null) {
			errors.put("assessedOn", "请填写评估日期");
		}
		else if (f.assessedOn().isAfter(Times.today())) {
			errors.put("assessedOn", "评估日期不能晚于今天");
		}
		text(f.assessedBy(), "assessedBy", "评估单位", 100, errors);
		text(f.risks(), "risks", "风险点（预判的涉稳风险）", 2000, errors);
		text(f.plan(), "plan", "处置预案", 2000, errors);
		if (!errors.isEmpty()) {
			throw new Rejected(String.join("；", errors.values()), errors);
		}
		long id = this.jdbc
			.sql("""
					insert into stability_assessment (case_id, region_code, step, risk_level, assessed_on, assessed_by, risks, plan,
					  recorded_by) values (:case, :region, :step, :risk, :on, :by, :risks, :plan, :recordedBy) returning id
					""")
			.param("case", ref.id())
			.param("region", ref.regionCode())
			.param("step", f.step().name())
			.param("risk", f.riskLevel().name())
			.param("on", f.assessedOn())
			.param("by", f.assessedBy().strip())
			.param("risks", f.risks().strip())
			.param("plan", f.plan().strip())
			.param("recordedBy", actor.username())
			.query(Long.class)
			.single();
		this.audit.success("STABILITY_ASSESSMENT", "stability_assessment", id,
				ref.code() + " " + f.step().label() + "前社会稳定风险评估：风险" + f.riskLevel().label(), null, null);
		return id;
	}

	private static void text(String value, String field, String name, int max, Map<String, String> errors) {
		if (value == null || value.isBlank()) {
			errors.put(field, "请填写" + name);
		}
		else if (value.strip().length() > max) {
			errors.put(field, name.replaceAll("（.*）", "") + "不能超过" + max + "字");
		}
	}

	/** Whether the case has an assessment of {@code step}. */
	@Transactional(readOnly = true)
	boolean exists(long caseId, SensitiveStep step) {
		return this.jdbc.sql("select count(*) from stability_assessment where case_id = :case and step = :step")
			.param("case", caseId)
			.param("step", step.name())
			.query(Long.class)
			.single() > 0;
	}

	/** Assessments within the caller's scope, newest first; of one case when given. */
	@Transactional(readOnly = true)
	PageOf<Assessment> search(Long caseId, DataScope scope, PageRequest page) {
		String where = "a.region_code like :regionLike" + (caseId == null ? "" : " and a.case_id = :case");
		Map<String, Object> params = new java.util.HashMap<>();
		params.put("regionLike", scope.regionLike());
		if (caseId != null) {
			params.put("case", caseId);
		}
		long total = this.jdbc.sql("select count(*) from stability_assessment a where " + where)
			.params(params)
			.query(Long.class)
			.single();
		List<Assessment> rows = this.jdbc
			.sql("select a.* from stability_assessment a where " + where + " order by a.id desc limit " + page.size()
					+ " offset " + page.offset())
			.params(params)
			.query((rs, n) -> new Assessment(rs.getLong("id"), rs.getLong("case_id"), null, null,
					SensitiveStep.valueOf(rs.getString("step")), StabilityRisk.valueOf(rs.getString("risk_level")),
					rs.getObject("assessed_on", LocalDate.class), rs.getString("assessed_by"), rs.getString("risks"),
					rs.getString("plan"), rs.getString("recorded_by"),
					Times.local(rs.getObject("recorded_at", OffsetDateTime.class))))
			.list();
		var refs = this.cases.byIds(rows.stream().map(Assessment::caseId).distinct().toList());
		return page.pageOf(rows.stream().map(a -> {
			var ref = refs.get(a.caseId());
			return new Assessment(a.id(), a.caseId(), ref == null ? "" : ref.code(), ref == null ? "" : ref.title(),
					a.step(), a.riskLevel(), a.assessedOn(), a.assessedBy(), a.risks(), a.plan(), a.recordedBy(),
					a.recordedAt());
		}).toList(), total);
	}

}
