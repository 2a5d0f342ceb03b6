package org.fangfei.app.clue;

import java.util.List;

import org.fangfei.app.shared.Rejected;

/**
 * A clue determined as a suspected crime is handed to the police (移送公安, 条例 art. 27)
 * before its disposal can be finished.
 */
final class CrimeGoesToPolice {

	private CrimeGoesToPolice() {
	}

	static void check(Determination determination, List<Clue.Measure> measures) {
		if (determination == Determination.SUSPECTED_CRIME
				&& measures.stream().noneMatch(m -> m.kind() == MeasureKind.POLICE_TRANSFER)) {
			throw new Rejected("认定为涉嫌犯罪的线索须登记“移送公安”后才能完成处置");
		}
	}

}
