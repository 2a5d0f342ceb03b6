package org.fangfei.app.clue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fangfei.app.shared.Rejected;

/**
 * 条例 art. 21: on-site verification is done by at least two investigators. Names are
 * compared after trimming; the same name twice counts once.
 */
final class VerificationNeedsTwoInvestigators {

	static final int MINIMUM = 2;

	private VerificationNeedsTwoInvestigators() {
	}

	/** The distinct names, or a refusal when fewer than two are given. */
	static List<String> check(List<String> investigators) {
		Set<String> names = new LinkedHashSet<>();
		if (investigators != null) {
			for (String name : investigators) {
				if (name != null && !name.isBlank()) {
					if (name.strip().length() > 30) {
						throw new Rejected("核查人员姓名不能超过 30 字", Map.of("investigators", "姓名不能超过 30 字"));
					}
					names.add(name.strip());
				}
			}
		}
		if (names.size() < MINIMUM) {
			String message = "核查人员不得少于 2 人(《防范和处置非法集资条例》第二十一条)";
			throw new Rejected(message, Map.of("investigators", message));
		}
		return List.copyOf(names);
	}

}
