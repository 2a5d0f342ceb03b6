package org.fangfei.app.clue;

import java.util.Set;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.DataScope;

/**
 * The application itself acting on clues — taking in patrol findings, flagging overdue
 * steps — as it appears in timelines: "系统".
 */
final class SystemActor {

	static final Actor INSTANCE = new Actor(0, "system", "系统", null, null, false, Set.of(), Set.of(), DataScope.all());

	private SystemActor() {
	}

}
