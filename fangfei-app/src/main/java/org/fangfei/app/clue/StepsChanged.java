package org.fangfei.app.clue;

/**
 * Within the clue module: a save ended one step and started the next, so
 * {@link ClueNotices} tells whose turn it is, in the move's transaction. Either step may
 * be null. It carries what the notices say of the clue as the save wrote it, so telling
 * costs no read of the clue (intake is measured: docs/performance.md).
 */
record StepsChanged(Facts clue, ClueState from, ClueState to, Long finished, Long started) {

	/** What a notice says of a clue and who holds it. */
	record Facts(long id, String code, String title, String regionCode, String handlerRegion, Long handlerDepartment,
			ClueGrade grade) {

		static Facts of(Clue clue) {
			Unit handler = clue.handler();
			return new Facts(clue.id(), clue.code(), clue.about().title(), clue.about().regionCode(),
					handler == null ? null : handler.regionCode(), handler == null ? null : handler.departmentId(),
					clue.grade());
		}

		String county() {
			return this.regionCode.substring(0, 6);
		}

		String link() {
			return "/clues/" + this.id;
		}

	}

}
