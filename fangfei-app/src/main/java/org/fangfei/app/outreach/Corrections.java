package org.fangfei.app.outreach;

import java.util.Map;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Conflict;
import org.fangfei.app.shared.Rejected;

import org.springframework.security.access.AccessDeniedException;

/**
 * The rules every correction of an outreach record keeps (activities, training sessions,
 * materials, volunteers, associations): only the department that recorded it or the lead
 * office corrects it ({@link OutreachScope#mayCorrect}), and it is edited against the
 * version its editor read — a missing version is refused, a changed one (or a row no
 * longer there) is a {@link Conflict}.
 */
final class Corrections {

	private Corrections() {
	}

	/**
	 * @throws AccessDeniedException with {@code refusal} when the actor may not
	 */
	static void mayCorrect(Actor actor, Long recordUnit, String refusal) {
		if (!OutreachScope.mayCorrect(actor, recordUnit)) {
			throw new AccessDeniedException(refusal);
		}
	}

	/** The version the editor read is the record's current one. */
	static void requireVersion(Integer version, int current) {
		if (version == null) {
			throw new Rejected("缺少版本号，请刷新后重试", Map.of("version", "缺少版本号"));
		}
		if (version != current) {
			throw stale();
		}
	}

	/** The update or delete against the read version changed exactly the one row. */
	static void changed(int rows) {
		if (rows != 1) {
			throw stale();
		}
	}

	static Conflict stale() {
		return new Conflict("该记录已被他人修改或删除，请刷新后重试");
	}

}
