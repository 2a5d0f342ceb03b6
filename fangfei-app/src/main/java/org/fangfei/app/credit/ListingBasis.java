package org.fangfei.app.credit;

import java.util.Optional;

import org.fangfei.app.casefile.CaseStage;
import org.fangfei.app.clue.MeasureKind;

/**
 * Which recorded decision puts a subject on the credit list (seed 003 art. 14: 将非法集资
 * 主体纳入失信名单, 实施联合惩戒). Only final decisions count:
 * <ul>
 * <li>an administrative penalty — the case's 处罚/取缔 stage (the decision to penalise or
 * ban, 条例 art. 30–31) or a clue's measure 行政处罚;</li>
 * <li>a criminal judgment in force — the case's 执行 stage. A judgment is executed only
 * once it has taken legal effect (刑事诉讼法 art. 259, 264); the 审判 stage records a trial
 * whose first-instance judgment may still be appealed, so it lists nobody.</li>
 * </ul>
 * Every other stage and measure (warnings, orders, seizures, 移送公安) lists nobody.
 */
final class ListingBasis {

	private ListingBasis() {
	}

	/** The basis a case reaching {@code stage} gives, if any. */
	static Optional<BasisKind> ofStage(CaseStage stage) {
		if (stage == CaseStage.PENALTY) {
			return Optional.of(BasisKind.ADMIN_PENALTY);
		}
		if (stage == CaseStage.ENFORCEMENT) {
			return Optional.of(BasisKind.CRIMINAL_JUDGMENT);
		}
		return Optional.empty();
	}

	/** The basis a clue's disposal measure gives, if any. */
	static Optional<BasisKind> ofMeasure(MeasureKind kind) {
		return kind == MeasureKind.ADMIN_PENALTY ? Optional.of(BasisKind.ADMIN_PENALTY) : Optional.empty();
	}

}
