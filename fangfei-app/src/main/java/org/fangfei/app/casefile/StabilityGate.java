package org.fangfei.app.casefile;

/**
 * Port the case ledger owns and the stability work implements (like
 * {@code clue.ClueSection}): whether a case's sensitive step was assessed for its social
 * stability risk, with a risk level and a plan. The case ledger asks it before it records
 * such a step and refuses the step while the answer is no (004 task 24, "三同步").
 */
public interface StabilityGate {

	/** Whether an assessment of {@code step} exists for the case. */
	boolean assessed(long caseId, SensitiveStep step);

}
