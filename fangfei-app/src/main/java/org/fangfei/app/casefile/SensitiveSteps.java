package org.fangfei.app.casefile;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Rejected;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sensitive steps of a case (004 task 24, "三同步"): none is recorded before the
 * stability gate ({@link StabilityGate}, implemented by the petition module) says it was
 * assessed. The stage moves 审判 and 清退 are checked by {@link CaseRegistry#advance}; the
 * coercive measures (强制措施) and the public statement (情况通报), which are not stages, are
 * recorded here as timeline entries of their own kind.
 */
@Service
class SensitiveSteps {

	/** The steps recorded here rather than as a stage move. */
	static final List<SensitiveStep> RECORDED_HERE = List.of(SensitiveStep.COERCIVE_MEASURE,
			SensitiveStep.PUBLIC_STATEMENT);

	private final List<StabilityGate> gates;

	private final Cases cases;

	private final AuditLog audit;

	SensitiveSteps(List<StabilityGate> gates, Cases cases, AuditLog audit) {
		this.gates = gates;
		this.cases = cases;
		this.audit = audit;
	}

	/** Whether {@code step} of the case has its stability risk assessment. */
	boolean assessed(long caseId, SensitiveStep step) {
		return this.gates.stream().allMatch(g -> g.assessed(caseId, step));
	}

	/** Refuses {@code step} of the case while it has no stability risk assessment. */
	void check(long caseId, SensitiveStep step) {
		if (step != null && !assessed(caseId, step)) {
			throw new Rejected(refusal(step));
		}
	}

	static String refusal(SensitiveStep step) {
		return "本案尚未就“" + step.label() + "”开展社会稳定风险评估。按照“三同步”要求，请先登记风险评估（风险等级和处置预案），再登记此环节";
	}

	/** Records a coercive measure or the public statement on the case's timeline. */
	@Transactional
	void record(long caseId, int seenVersion, SensitiveStep step, LocalDate on, String note, Actor actor) {
		CaseRegistry.need(actor);
		CaseFile c = this.cases.forChange(caseId, seenVersion, actor);
		Map<String, String> errors = new LinkedHashMap<>();
		if (step == null || !RECORDED_HERE.contains(step)) {
			errors.put("step", "请选择要登记的环节（采取强制措施或公开宣传口径）");
		}
		if (on == null) {
			errors.put("on", "请填写日期");
		}
		else if (on.isAfter(LocalDate.now())) {
			errors.put("on", "日期不能晚于今天");
		}
		if (note == null || note.isBlank()) {
			errors.put("note", "请填写具体内容（如措施种类和对象、通报的口径）");
		}
		else if (note.strip().length() > 1000) {
			errors.put("note", "内容不能超过1000字");
		}
		if (!errors.isEmpty()) {
			throw new Rejected(String.join("；", errors.values()), errors);
		}
		check(caseId, step);
		c.record(step == SensitiveStep.COERCIVE_MEASURE ? "强制措施" : "情况通报", on + " " + note.strip());
		this.cases.save(c, actor);
		this.audit.success("CASE_SENSITIVE_STEP", "case", caseId, c.code() + " " + step.label(), null, null);
	}

}
