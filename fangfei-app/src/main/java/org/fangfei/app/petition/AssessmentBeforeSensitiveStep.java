package org.fangfei.app.petition;

import org.fangfei.app.casefile.SensitiveStep;
import org.fangfei.app.casefile.StabilityGate;

import org.springframework.stereotype.Component;

/**
 * 004 task 24 (建立风险评估机制, "三同步"): a case's sensitive step is recorded only after an
 * assessment of that step, with its risk level and plan, exists. The case ledger asks
 * through its port {@link StabilityGate}; the assessment of another step does not count.
 */
@Component
class AssessmentBeforeSensitiveStep implements StabilityGate {

	private final Assessments assessments;

	AssessmentBeforeSensitiveStep(Assessments assessments) {
		this.assessments = assessments;
	}

	@Override
	public boolean assessed(long caseId, SensitiveStep step) {
		return this.assessments.exists(caseId, step);
	}

}
